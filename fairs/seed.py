"""The fairs of the demo site: the list page (Russian and English), one past fair with its results and one coming
fair for graduates with disabilities, each with booths of eight of the demonstration organisations (opportunities'
seed). Dates are counted from the day the seed runs; every text says it is demonstration data."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from atlas.models import EducationalOrganization, MunicipalDistrict
from partners.models import Organisation, Status
from portal.seeding import PageSeeder, link_from_home
from vacancies.models import Vacancy

from .models import Booth, BoothStatus, FairIndexPage, FairPage, InterviewSlot

DEMO = "<p><em>Демонстрационные данные: такой ярмарки нет, страница показывает, как она выглядит.</em></p>"
BOOTHS = 8
BOOTH_TEXT = (
    "Демонстрационный стенд. Ищем выпускников колледжей края: расскажем о работе и наставничестве, о целевом "
    "обучении и жилье для молодых специалистов."
)
# (interviews, offers, hires) recorded after the past fair, by booth.
RESULTS = [(14, 5, 3), (9, 3, 2), (11, 4, 1), (6, 2, 2), (8, 1, 0), (12, 6, 4), (5, 2, 1), (7, 3, 2)]


class Seeder(PageSeeder):
    def run(self):
        index = self.index_page()
        if index is None:
            return self.created
        link_from_home(
            "disabled_youth",
            index,
            {"ru": "Ярмарки вакансий с доступной средой", "en": "Job fairs with step-free access and adaptations"},
        )
        today = timezone.localdate()
        past = self.fair(
            index,
            "iarmarka-vakansii-osen",
            title="Ярмарка вакансий для выпускников колледжей",
            starts_on=today - datetime.timedelta(days=60),
            ends_on=today - datetime.timedelta(days=60),
            format="venue",
            venue="Хабаровск, Дворец профсоюзов, ул. Шеронова, 4, большой зал",
            summary="Работодатели края встречались с выпускниками колледжей: собеседования, стенды, консультации.",
        )
        coming = self.fair(
            index,
            "iarmarka-dlia-vypusknikov-s-ovz",
            title="Ярмарка вакансий для выпускников с инвалидностью и ОВЗ",
            starts_on=today + datetime.timedelta(days=21),
            ends_on=today + datetime.timedelta(days=22),
            format="both",
            venue="Хабаровск, краевой центр занятости, ул. Ленина, 1, первый этаж",
            online_link="https://example.invalid/yarmarka-online",
            for_disabilities=True,
            venue_accessibility="Вход без ступеней, пандус у главного входа, лифт, доступный туалет на первом этаже, "
            "парковка для людей с инвалидностью у входа.",
            sign_language=True,
            adaptations="Субтитры на онлайн-трансляции, материалы в лёгком для чтения формате, тихая комната, "
            "сопровождающие волонтёры, на собеседование — вдвое больше времени.",
            summary="Работодатели, готовые принять выпускников с инвалидностью и ОВЗ: стенды, собеседования, "
            "консультации центра занятости. Очно и онлайн.",
        )
        organisations = list(
            Organisation.objects.filter(
                status=Status.APPROVED, employer__isnull=False, email__endswith=".invalid"
            ).order_by("pk")[:BOOTHS]
        )
        for number, organisation in enumerate(organisations):
            self.booth(past, organisation, results=RESULTS[number % len(RESULTS)])
            self.booth(coming, organisation, slots=number)
        return self.created

    def index_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
        home = site.root_page
        index = self.upsert(
            home,
            FairIndexPage,
            "iarmarki-vakansii",
            title="Ярмарки вакансий",
            show_in_menus=True,
            summary="Ярмарки вакансий для студентов и выпускников колледжей и вузов края, в том числе ярмарка для "
            "выпускников с инвалидностью: стенды работодателей, запись на собеседования.",
            easy_read_summary="Здесь работодатели ищут молодых работников.\nМожно записаться на разговор с "
            "работодателем.",
            introduction="<p>Зарегистрируйтесь на ярмарку с учётной записью студента и запишитесь на собеседования "
            "к работодателям. Накануне придёт напоминание.</p>",
        )
        english = Locale.objects.filter(language_code="en").first()
        if english is not None and home.get_translation_or_none(english) is not None:
            self.translate(
                index,
                english,
                title="Vacancy fairs",
                slug="vacancy-fairs",
                summary="Vacancy fairs for the krai’s college and university students and graduates, among them the "
                "fair for graduates with disabilities: employers’ booths and interviews to book.",
                easy_read_summary="",
                introduction="<p>Register for a fair with a student’s account and book interviews with the "
                "employers. A reminder comes the day before. The employers write their booths in Russian.</p>",
            )
        return index

    def fair(self, index, slug, *, title, summary, **fields):
        russian = index.locale
        district = MunicipalDistrict.objects.filter(locale=russian, name__icontains="Хабаровск").order_by("pk").first()
        colleges = EducationalOrganization.objects.filter(locale=russian, kind="spo").order_by("name")[:4]
        fair = self.upsert(
            index,
            FairPage,
            slug,
            title=title,
            summary=summary,
            introduction=DEMO
            + "<p>Приходите с резюме: его можно составить в личном кабинете портала и скачать в PDF.</p>",
            district=district,
            **fields,
        )
        if not fair.colleges.exists():
            fair.colleges.set(colleges)
            fair.save_revision().publish()
        english = Locale.objects.filter(language_code="en").first()
        if english is not None and index.get_translation_or_none(english) is not None:
            self.translate(fair, english, title=ENGLISH_TITLES[slug], summary="", easy_read_summary="")
        return fair

    def booth(self, fair, organisation, *, results=None, slots=None):
        booth = Booth.objects.filter(fair=fair, organisation=organisation).first()
        if booth is not None and not self.refresh:
            return booth
        if booth is not None:
            booth.delete()
        booth = Booth(
            fair=fair,
            organisation=organisation,
            status=BoothStatus.ACCEPTED,
            text=BOOTH_TEXT,
            contact_hours="10:00–16:00 (время Хабаровска), на стенде и в видеосвязи",
        )
        if results:
            booth.interviews, booth.offers, booth.hires = results
        if slots is not None:
            first = timezone.make_aware(datetime.datetime.combine(fair.starts_on, datetime.time(10)))
            booth.slots = [
                InterviewSlot(starts_at=first + datetime.timedelta(minutes=30 * step), minutes=30, capacity=2)
                for step in range(4)
            ]
        booth.vacancies = list(Vacancy.objects.filter(organisation=organisation)[:2])
        booth.save()
        self.created += 1
        return booth


ENGLISH_TITLES = {
    "iarmarka-vakansii-osen": "Vacancy fair for college graduates",
    "iarmarka-dlia-vypusknikov-s-ovz": "Vacancy fair for graduates with disabilities",
}
