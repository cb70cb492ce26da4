"""The vacancies of the demo site: the list page (Russian and English), 80 demonstration vacancies of the atlas's
employers whose demonstration organisation accounts the opportunities' seed made, and the sample «Работа России» file
(``fixtures/trudvsem_sample.json``, written for the portal in the service's format) imported as the daily refresh
would. Every text says it is demonstration data. «Valid until» dates are counted from the day the seed runs:
``load_seed --refresh`` moves them on (and overwrites the demonstration vacancies; organisations' real ones and real
imports are never touched)."""

import datetime
import itertools
import json
from pathlib import Path

from django.utils import timezone
from wagtail.models import Locale, Site

from opportunities.seed import DEMO_DOMAIN
from partners.models import Organisation, Status
from portal.seeding import PageSeeder, link_from_home

from . import trudvsem
from .models import Kind, Source, Vacancy, VacancyIndexPage

COUNT = 80
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "trudvsem_sample.json"
DEMO = "Демонстрационные данные: такой вакансии нет, она показывает, как выглядит предложение работодателя."
# (kind, title, duties, requirements, salary from, salary to, schedule) — «{profession}» is the atlas card's title.
OFFERS = [
    (
        Kind.FIRST_JOB,
        "{profession}: первая работа после колледжа",
        "Работа в бригаде с наставником; первые три месяца — обучение на рабочем месте.",
        "Диплом колледжа по профилю; опыт работы не нужен.",
        45_000,
        65_000,
        "Пятидневка, 8 часов",
    ),
    (
        Kind.SUMMER,
        "{profession}: летняя работа для старшеклассников",
        "Помощь специалистам, знакомство с производством; оформление по трудовому договору с 16 лет.",
        "Согласие родителей для несовершеннолетних, медицинская справка.",
        22_000,
        28_000,
        "Неполный день, июнь–август",
    ),
    (
        Kind.PRACTICE,
        "{profession}: производственная практика",
        "Практика для студентов 2–4 курсов с наставником; возможна стипендия предприятия.",
        "Направление от колледжа или вуза.",
        None,
        25_000,
        "По графику практики",
    ),
    (
        Kind.TARGET_TRAINING,
        "{profession}: договор о целевом обучении",
        "Предприятие оплачивает обучение и стипендию, гарантирует работу после диплома.",
        "Выпускники 9 и 11 классов, поступающие на профильную специальность.",
        None,
        None,
        "На время обучения",
    ),
]
SUITABLE = [["hearing", "somatic"], ["musculoskeletal"], [], ["vision_low"], []]


class Seeder(PageSeeder):
    def run(self):
        index = self.index_page()
        if index is None:
            return self.created
        link_from_home("employers", index, {"ru": "Разместить вакансию", "en": "Publish a vacancy"})
        self.demo_vacancies()
        self.sample_import()
        return self.created

    def index_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
        home = site.root_page
        page = self.upsert(
            home,
            VacancyIndexPage,
            "vakansii",
            title="Вакансии для молодёжи",
            show_in_menus=True,
            summary="Первая работа, летняя работа, практика и целевое обучение у работодателей края — от организаций, "
            "зарегистрированных на портале, и из базы «Работа России».",
            introduction="<p>Вакансии публикуют сами работодатели после проверки их учётной записи редакцией портала; "
            "вакансии без требования опыта работы каждый день загружаются из открытых данных «Работы России». "
            "Вакансия сама уходит из списка, когда истекает её срок.</p>",
        )
        english = Locale.objects.filter(language_code="en").first()
        if english is not None and home.get_translation_or_none(english) is not None:
            self.translate(
                page,
                english,
                title="Vacancies for young people",
                slug="vacancies",
                summary="First jobs, summer work, practice placements and target-training contracts with the krai’s "
                "employers: from organisations registered on the portal and from «Работа России».",
                introduction="<p>Employers publish them once the portal’s editors have approved their account; "
                "vacancies needing no experience are imported daily from «Работа России» open data. Their texts are "
                "in Russian.</p>",
            )
        return page

    def demo_vacancies(self):
        organisations = list(
            Organisation.objects.filter(
                email__endswith=f"@{DEMO_DOMAIN}", status=Status.APPROVED, employer__isnull=False
            ).select_related("employer")
        )
        if not organisations:
            return
        today = timezone.localdate()
        plan = []
        for organisation in organisations:
            employer = organisation.employer
            professions = list(employer.professions.filter(locale=employer.locale).order_by("title"))
            district = employer.districts.first()
            if professions and district is not None:
                plan.append((organisation, professions, district))
        if not plan:
            return
        number = itertools.count(1)
        for n in range(COUNT):
            organisation, professions, district = plan[n % len(plan)]
            profession = professions[(n // len(plan)) % len(professions)]
            kind, title, duties, requirements, low, high, schedule = OFFERS[n % len(OFFERS)]
            key = f"demo-{next(number):03d}"
            vacancy = Vacancy.objects.filter(source=Source.ORGANISATION, source_id=key).first()
            if vacancy is not None and not self.refresh:
                continue
            vacancy = vacancy or Vacancy(source=Source.ORGANISATION, source_id=key)
            vacancy.organisation = organisation
            vacancy.kind = kind
            vacancy.title = title.format(profession=profession.title)[:255]
            vacancy.profession = profession
            vacancy.district = district
            vacancy.address = employer_address(organisation.employer)
            vacancy.salary_from, vacancy.salary_to = low, high
            vacancy.schedule = schedule
            vacancy.duties = f"{duties}\n\n{DEMO}"
            vacancy.requirements = requirements
            vacancy.suitable_for = SUITABLE[n % len(SUITABLE)]
            vacancy.valid_until = today + datetime.timedelta(days=14 + (n * 7) % 120)
            vacancy.published = True
            vacancy.save()
            self.created += 1

    def sample_import(self):
        """The sample file, as the refresh imports the service's: only while no real import has happened (an import
        closes what its file does not have), with its dates moved to the last few days."""
        imported = Vacancy.objects.filter(source=Source.TRUDVSEM)
        if imported.exclude(source_id__startswith="demo-").exists():
            return
        if imported.exists() and not self.refresh:
            return
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        for number, item in enumerate(data["results"]["vacancies"]):
            day = timezone.localdate() - datetime.timedelta(days=number % 10)
            item["vacancy"]["creation-date"] = day.isoformat()
        report = trudvsem.run_import(json.dumps(data, ensure_ascii=False).encode(), SAMPLE.name)
        if not report.ok:
            self.log(f"The sample «Работа России» file has problems: {report.problems[:3]}")
        self.created += sum(counts.get("created", 0) for counts in report.counts.values())


def employer_address(employer):
    return employer.city or ""
