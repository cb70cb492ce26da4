"""Fake atlas data for benchmarks: many professions, employers and organisations with links.

Refuses to run on production settings or on a database that already holds real cards without --force."""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from slugify import slugify

from atlas.models import (
    AtlasIndexPage,
    EducationalOrganization,
    Employer,
    MunicipalDistrict,
    ProfessionPage,
    ProfessionSuitability,
    Sector,
)
from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES

TEXT_FIELDS = [
    "summary",
    "easy_read_summary",
    "outlook",
    "duties",
    "day_at_work",
    "working_conditions",
    "hard_skills",
    "soft_skills",
    "personal_qualities",
    "contraindications",
]


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--professions", type=int, default=1000)
        parser.add_argument("--employers", type=int, default=300)
        parser.add_argument("--organisations", type=int, default=150)
        parser.add_argument("--force", action="store_true", help="Run even if the atlas already has cards.")

    def handle(self, *args, professions, employers, organisations, force=False, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("Refusing to generate fake data with production settings.")
        atlas = AtlasIndexPage.objects.filter(locale__language_code=locales.default_language()).first()
        if atlas is None:
            raise CommandError("No atlas page: run load_seed first.")
        if ProfessionPage.objects.exists() and not force:
            raise CommandError("The atlas already has profession cards; use --force on a throw-away database.")
        rng = random.Random(2026)  # noqa: S311 - fake data, reproducible
        ru = locales.default_locale()
        sectors = list(Sector.objects.filter(locale=ru)) or [
            Sector.objects.create(locale=ru, name="Отрасль", slug="otrasl")
        ]
        districts = list(MunicipalDistrict.objects.filter(locale=ru)) or [
            MunicipalDistrict.objects.create(locale=ru, name="Район", slug="raion")
        ]
        start = Employer.objects.count()
        made_employers = Employer.objects.bulk_create(
            Employer(
                locale=ru,
                name=f"Предприятие №{start + i}",
                slug=f"predpriyatie-{start + i}",
                sector=rng.choice(sectors),
                city="Хабаровск",
            )
            for i in range(employers)
        )
        start = EducationalOrganization.objects.count()
        made_orgs = EducationalOrganization.objects.bulk_create(
            EducationalOrganization(
                locale=ru,
                name=f"Колледж №{start + i}",
                slug=f"kolledzh-{start + i}",
                kind=rng.choice(["spo", "vo"]),
                district=rng.choice(districts),
            )
            for i in range(organisations)
        )
        categories = [code for code, _label in DISABILITY_CATEGORIES]
        # Generated cards borrow the texts of real ones, so pages and PDFs have realistic length.
        models_ = [card for card in ProfessionPage.objects.only(*TEXT_FIELDS)[:120] if card.duties][:60]
        for i in range(professions):
            title = f"Профессия {ProfessionPage.objects.count() + 1} ({rng.choice(['техник', 'оператор', 'мастер'])})"
            low = rng.randrange(30, 120) * 1000
            page = ProfessionPage(
                title=title,
                slug=slugify(title),
                summary="Демонстрационная карточка для замеров скорости.",
                sector=rng.choice(sectors),
                education_level=rng.choice(["profobuchenie", "spo", "vo"]),
                klimov_type=rng.choice(["nature", "technique", "human", "sign", "art"]),
                demand_level=rng.choice(["high", "medium", "low"]),
                salary_min=low,
                salary_max=low + 30_000,
                duties=[("item", "Выполняет работу"), ("item", "Следит за качеством")],
                hard_skills=[("item", "Навык 1"), ("item", "Навык 2")],
                is_future_profession=i % 10 == 0,
            )
            if models_:
                model = rng.choice(models_)
                for name in TEXT_FIELDS:
                    setattr(page, name, getattr(model, name))
            page.employers.set(rng.sample(made_employers, 3))
            page.organisations.set(rng.sample(made_orgs, 2))
            page.districts.set(rng.sample(districts, min(2, len(districts))))
            page.suitability = [
                ProfessionSuitability(category=c, degree=rng.choice(["suitable", "limited"]))
                for c in rng.sample(categories, 3)
            ]
            atlas.add_child(instance=page)
            if i % 100 == 99:
                self.stdout.write(f"{i + 1} cards")
        self.stdout.write(
            self.style.SUCCESS(f"Made {professions} cards, {employers} employers, {organisations} organisations.")
        )
