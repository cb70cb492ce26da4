"""The opportunities of the demo site: the list page (Russian and English) and two demonstration opportunities for
each of fifteen of the atlas's employers and colleges (nine employers, six colleges, those with profession cards),
whose organisation accounts are approved without a letter and cannot sign in (no password). Every text says it is
demonstration data. Dates are counted from the day the seed runs: ``load_seed --refresh`` moves them on (and
overwrites the demonstration opportunities; the organisations' real ones are never touched)."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from atlas.models import EducationalOrganization, Employer, ProfessionPage
from partners import accounts
from partners.models import Organisation, Status
from portal.seeding import PageSeeder, link_from_home

from .models import Opportunity, OpportunityAccessibility, OpportunityIndexPage, OpportunitySlot

DEMO = "<p><em>Демонстрационные данные: такого мероприятия нет, оно показывает, как выглядит предложение.</em></p>"
DEMO_DOMAIN = "demo.example.invalid"
EMPLOYERS, COLLEGES = 9, 6
# (kind, title, description, what to bring, medical requirements, grades) by kind of organisation.
EMPLOYER_OFFERS = [
    (
        "excursion",
        "Экскурсия по производству: {name}",
        "<p>Пройдём по цехам, посмотрим, как работают станки и люди, поговорим с молодыми специалистами о том, "
        "как они пришли на предприятие.</p>",
        "Закрытую удобную обувь; паспорт или свидетельство о рождении для пропуска.",
        "Без ограничений; в цехах шумно.",
        (7, 11),
    ),
    (
        "trial",
        "Профпроба «Один день на предприятии»: {name}",
        "<p>Наставник покажет рабочее место и даст выполнить простое задание под присмотром. В конце — разбор: "
        "что получилось и чему учат в колледже.</p>",
        "Удобную одежду; спецодежду и средства защиты выдадим.",
        "Допуск школьного врача; без противопоказаний к физическому труду.",
        (8, 11),
    ),
    (
        "master_class",
        "Мастер-класс специалистов: {name}",
        "<p>Инженеры и рабочие покажут, как устроена их работа, и ответят на вопросы.</p>",
        "Ничего не нужно.",
        "",
        (6, 11),
    ),
    (
        "no_turnstile",
        "«Неделя без турникета»: {name}",
        "<p>В рамках всероссийской акции предприятие открывает двери для школьников: экскурсия, встреча с "
        "наставниками, рассказ о целевом обучении.</p>",
        "Паспорт или свидетельство о рождении для пропуска.",
        "",
        (8, 11),
    ),
    (
        "internship",
        "Летняя практика для студентов колледжей: {name}",
        "<p>Производственная практика для студентов второго–четвёртого курсов с наставником.</p>",
        "Документы от колледжа, медицинскую книжку.",
        "Медицинский осмотр перед практикой.",
        None,
    ),
]
COLLEGE_OFFERS = [
    (
        "open_day",
        "День открытых дверей: {name}",
        "<p>Расскажем о специальностях и приёме, покажем мастерские и общежитие, ответим на вопросы родителей.</p>",
        "Ничего не нужно; родители приглашаются.",
        "",
        (8, 11),
    ),
    (
        "trial",
        "Профпробы в мастерских колледжа: {name}",
        "<p>Школьники пробуют себя в профессиях колледжа в мастерских с преподавателями.</p>",
        "Удобную одежду.",
        "",
        (6, 9),
    ),
]
ACCESS = [
    [("musculoskeletal", "Пандус и лифт, сопровождающий по территории.")],
    [("hearing", "Сурдопереводчик по предварительной заявке."), ("vision_low", "Памятки крупным шрифтом.")],
    [],
]


def demo_inn(number):
    """A ten-digit ИНН with a valid check digit (the Federal Tax Service's weights), unique per ``number``."""
    digits = [int(d) for d in f"99{number:07d}"]
    weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    return "".join(map(str, digits)) + str(sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


# The list in the home page's boxes: students and teachers find excursions there, organisations publish them.
HOME_LINKS = {
    "students": {"ru": "Экскурсии и профпробы", "en": "Excursions and job trials"},
    "teachers": {"ru": "Экскурсии и профпробы для класса", "en": "Excursions and job trials for your class"},
    "employers": {"ru": "Разместить экскурсию или профпробу", "en": "Publish an excursion or a job trial"},
}


class Seeder(PageSeeder):
    def run(self):
        index = self.index_page()
        russian = Locale.objects.filter(language_code="ru").first()
        if russian is None or index is None:
            return self.created
        for audience, texts in HOME_LINKS.items():
            link_from_home(audience, index, texts)
        employers = Employer.objects.filter(locale=russian, professions__isnull=False).distinct().order_by("name")
        colleges = EducationalOrganization.objects.filter(
            locale=russian, kind="spo", professions__isnull=False, district__isnull=False
        )
        colleges = colleges.distinct().order_by("name")
        number = itertools.count(1)
        for employer in employers[:EMPLOYERS]:
            organisation = self.organisation(next(number), employer=employer)
            district = employer.districts.first()
            if district is not None:
                self.offers(organisation, EMPLOYER_OFFERS, employer.professions, district, employer.city)
        for college in colleges[:COLLEGES]:
            organisation = self.organisation(next(number), educational_organization=college)
            self.offers(
                organisation, COLLEGE_OFFERS, college.professions, college.district, college.address or college.city
            )
        return self.created

    def index_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
        home = site.root_page
        index = self.upsert(
            home,
            OpportunityIndexPage,
            "profproby-i-ekskursii",
            title="Профпробы, экскурсии, практики",
            show_in_menus=True,
            summary="Экскурсии на предприятия, профессиональные пробы, мастер-классы, практики и дни открытых "
            "дверей работодателей и колледжей края для школьных классов и студентов.",
            easy_read_summary="Здесь можно найти экскурсию на завод или в колледж.\nМожно попробовать профессию.",
            introduction="<p>Предложения публикуют сами организации после проверки их учётной записи редакцией "
            "портала. Фильтры помогут найти подходящее по району, профессии, датам, классу и доступности.</p>",
        )
        english = Locale.objects.filter(language_code="en").first()
        if english is not None and home.get_translation_or_none(english) is not None:
            self.translate(
                index,
                english,
                title="Trials, excursions, internships",
                slug="trials-and-excursions",
                summary="Excursions to enterprises, professional trials, master classes, internships and open days "
                "of the krai’s employers and colleges for school classes and students.",
                easy_read_summary="",
                introduction="<p>Organisations publish them themselves, once the portal’s editors have approved "
                "their account; their descriptions are in Russian.</p>",
            )
        return index

    def organisation(self, number, **atlas):
        """The demonstration account of an atlas employer or college, approved (no letter; no password)."""
        found = Organisation.objects.filter(**atlas).first()
        if found is not None:
            return found
        (item,) = atlas.values()
        email = f"org{number}@{DEMO_DOMAIN}"
        account = get_user_model().objects.filter(username=email).first()
        if account is None:
            account = get_user_model().objects.create_user(email, email, None, is_active=False)
        organisation = Organisation.objects.create(
            name=item.name,
            inn=demo_inn(number),
            description="Демонстрационная учётная запись портала.",
            contact_name="Демонстрационный контакт",
            contact_position="—",
            email=email,
            account=account,
            language="ru",
            consent_at=timezone.now(),
            confirmed_at=timezone.now(),
            status=Status.CONFIRMED,
            **atlas,
        )
        accounts.approve(organisation, None, notify=False)
        organisation.refresh_from_db()
        return organisation

    def offers(self, organisation, offers, professions, district, place):
        existing = Opportunity.objects.filter(organisation=organisation)
        if existing.exists():
            if not self.refresh:
                return
            existing.delete()
        linked = list(professions.filter(locale=district.locale).order_by("title")[:3])
        linked = linked or list(ProfessionPage.objects.none())
        start = organisation.pk % len(offers)
        for step in range(2):
            kind, title, text, bring, medical, grades = offers[(start + step) % len(offers)]
            first = 5 + (organisation.pk * 7 + step * 11) % 50
            opportunity = Opportunity(
                organisation=organisation,
                kind=kind,
                title=title.format(name=short(organisation.name)),
                description=DEMO + text,
                district=district,
                address=place or district.centre or district.name,
                online=False,
                grade_from=grades[0] if grades else None,
                grade_to=grades[1] if grades else None,
                age_from=None if grades else 16,
                age_to=None if grades else 22,
                what_to_bring=bring,
                medical_requirements=medical,
            )
            today = timezone.localdate()
            opportunity.slots = [
                OpportunitySlot(
                    date=today + datetime.timedelta(days=first + week * 7),
                    start=datetime.time(10 + week % 2 * 4),
                    end=datetime.time(12 + week % 2 * 4),
                    places=[15, 25, 30][week % 3],
                )
                for week in range(1 + (organisation.pk + step) % 3)
            ]
            opportunity.accessibility = [
                OpportunityAccessibility(category=category, adapted=True, what=what)
                for category, what in ACCESS[(organisation.pk + step) % len(ACCESS)]
            ]
            opportunity.professions = linked
            opportunity.save()
            self.created += 1


def short(name):
    """«ПАО «Амурский судостроительный завод» (ОСК)» → «ПАО «Амурский судостроительный завод»»: the name without
    the note in brackets, for a title."""
    return name.split(" (")[0].strip()
