"""Generate vacancies and opportunities for benchmarks (bench/vacancies.py), indexed on every search backend.

Refuses to run on production settings, or without --force (it adds thousands of rows to the lists)."""

import datetime
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from atlas.models import MunicipalDistrict, ProfessionPage
from opportunities.models import Opportunity, OpportunitySlot
from partners.models import Organisation, Status
from portal import locales
from vacancies.models import Kind, Source, Vacancy

CHUNK = 500


class Command(BaseCommand):
    help = "Generate vacancies and opportunities for benchmarks (needs --force; never on production settings)."

    def add_arguments(self, parser):
        parser.add_argument("--vacancies", type=int, default=5000)
        parser.add_argument("--opportunities", type=int, default=1000)
        parser.add_argument("--force", action="store_true", help="Add them: only on a throw-away database.")

    def handle(self, *args, vacancies, opportunities, force=False, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("Refusing to generate fake data with production settings.")
        if not force:
            raise CommandError(
                "This adds thousands of items to the public lists; use --force on a throw-away database."
            )
        default = locales.default_language()
        cards = list(ProfessionPage.objects.live().filter(locale__language_code=default))
        districts = list(MunicipalDistrict.objects.filter(locale__language_code=default))
        organisations = list(Organisation.objects.filter(status=Status.APPROVED))
        if not (cards and districts and organisations):
            raise CommandError("Load the seed first (load_seed): the data needs cards, districts and organisations.")
        chance = random.Random(27)  # the same data on every run  # noqa: S311
        today = timezone.localdate()
        with transaction.atomic():
            made = []
            for n in range(vacancies):
                organisation = chance.choice(organisations) if n % 3 == 0 else None
                vacancy = Vacancy(
                    organisation=organisation,
                    source=Source.ORGANISATION if organisation else Source.TRUDVSEM,
                    source_id="" if organisation else f"bench-{n}",
                    employer_name="" if organisation else f"ООО «Работодатель {n % 300}»",
                    kind=chance.choice(Kind.values),
                    title=f"Вакансия для бенчмарка {n}",
                    profession=chance.choice(cards),
                    district=chance.choice(districts),
                    salary_from=chance.choice([None, 20_000, 35_000, 45_000, 60_000, 90_000]),
                    valid_until=today + datetime.timedelta(days=chance.randint(-10, 120)),
                    suitable_for=chance.choice([[], ["hearing"], ["musculoskeletal", "somatic"]]),
                    duties="Данные для бенчмарка.",
                )
                vacancy.save()
                made.append(vacancy.pk)
            offered = []
            for n in range(opportunities):
                opportunity = Opportunity(
                    organisation=chance.choice(organisations),
                    kind="excursion",
                    title=f"Экскурсия для бенчмарка {n}",
                    description="<p>Данные для бенчмарка.</p>",
                    district=chance.choice(districts),
                    address="Хабаровск",
                    grade_from=7,
                    grade_to=11,
                )
                opportunity.slots = [
                    OpportunitySlot(
                        date=today + datetime.timedelta(days=chance.randint(1, 90)),
                        start=datetime.time(10),
                        end=datetime.time(12),
                        places=20,
                    )
                ]
                opportunity.professions = chance.sample(cards, 2)  # written with the opportunity (modelcluster)
                opportunity.save()
                offered.append(opportunity.pk)
        self.index(Vacancy.objects.filter(pk__in=made).select_related("profession__sector", "district", "employer"))
        self.index(Opportunity.objects.filter(pk__in=offered).prefetch_related("professions__sector", "accessibility"))
        self.stdout.write(f"{vacancies} vacancies and {opportunities} opportunities generated and indexed")

    def index(self, queryset):
        objects = list(queryset.select_related("district"))
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(objects), CHUNK):
                backend.add_bulk(queryset.model, objects[start : start + CHUNK])
