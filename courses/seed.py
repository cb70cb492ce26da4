"""The catalogue of courses on the demo site: «Курсы повышения квалификации» at /kursy/ with six demonstration courses
of this school year (one past, one under way, the others ahead), each with a generated programme (a tagged PDF) and a
demonstration organiser's account that cannot sign in; the home page's box for teachers leads to the catalogue.
Idempotent."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from atlas.models import MunicipalDistrict
from portal.pdf import pdf_bytes
from portal.seeding import PageSeeder, collection, link_from_home

from .access import organisers_group
from .models import Course, CourseCatalogPage, CourseFormat

IRO = "КГАОУ ДПО «Хабаровский краевой институт развития образования» (ХК ИРО)"
CAREER_CENTRE = "Центр профессионального самоопределения ХК ИРО"
DEMO_DOMAIN = "demo.example.invalid"
PROGRAMMES_COLLECTION = "Программы курсов повышения квалификации"
AUDIENCE_FIELDS = ("teachers", "navigators", "psychologists")
# Each course: title, summary, audiences (teachers, navigators, psychologists), hours, format, (month, day) of the first
# and the last day in the school year, places (None: not limited), provider, district (None: the krai), modules.
COURSES = [
    {
        "title": "Профориентационный минимум: содержание и организация в общеобразовательной организации",
        "title_en": "The career guidance minimum at school: content and organisation",
        "summary": "Нормативные основы и уровни профминимума, планирование профориентационной работы школы на год, "
        "курс занятий «Россия — мои горизонты», работа с родителями и партнёрами.",
        "audiences": ("teachers", "navigators"),
        "hours": 36,
        "format": CourseFormat.DISTANCE,
        "dates": ((10, 6), (10, 24)),
        "places": None,
        "provider": IRO,
        "district": None,
        "modules": [
            "Нормативные основы профориентационного минимума",
            "Базовый, основной и продвинутый уровни: что выбрать школе",
            "Курс занятий «Россия — мои горизонты»: методика проведения",
            "Работа с родителями и партнёрами школы",
        ],
    },
    {
        "title": "Педагог-навигатор: сопровождение профессионального самоопределения обучающихся",
        "title_en": "The career navigator: supporting students’ professional self-determination",
        "summary": "Роль педагога-навигатора, индивидуальные траектории, профессиональные пробы и диагностика, "
        "работа с цифровыми сервисами профориентации, в том числе с порталом «Учись и работай в Хабаровском крае».",
        "audiences": ("navigators",),
        "hours": 72,
        "format": CourseFormat.BLENDED,
        "dates": ((11, 16), (12, 11)),
        "places": 25,
        "provider": IRO,
        "district": "Городской округ «Город Хабаровск»",
        "modules": [
            "Функции педагога-навигатора в школе",
            "Профориентационная диагностика и её интерпретация",
            "Профессиональные пробы и экскурсии на предприятия края",
            "Индивидуальный маршрут обучающегося",
        ],
    },
    {
        "title": "Психологическое сопровождение выбора профессии подростками, в том числе с ОВЗ и инвалидностью",
        "title_en": "Psychological support of teenagers choosing a profession, including students with disabilities",
        "summary": "Методы психологической диагностики склонностей и интересов, консультирование подростков и "
        "родителей, особенности профориентации обучающихся с ОВЗ и инвалидностью.",
        "audiences": ("psychologists",),
        "hours": 36,
        "format": CourseFormat.DISTANCE,
        "dates": ((1, 19), (2, 6)),
        "places": 40,
        "provider": IRO,
        "district": None,
        "modules": [
            "Психологические основы профессионального самоопределения",
            "Диагностика интересов и склонностей: методики и этика",
            "Консультирование подростка и семьи",
            "Профориентация обучающихся с ОВЗ и инвалидностью",
        ],
    },
    {
        "title": "Ранняя профориентация в дошкольном и начальном общем образовании",
        "title_en": "Early career guidance in kindergartens and primary school",
        "summary": "Знакомство детей с миром профессий через игру, проекты и экскурсии; комплекты ранней "
        "профориентации методической копилки портала; взаимодействие с семьёй.",
        "audiences": ("teachers",),
        "hours": 24,
        "format": CourseFormat.IN_PERSON,
        "dates": ((2, 16), (2, 27)),
        "places": 30,
        "provider": IRO,
        "district": "Городской округ «Город Комсомольск-на-Амуре»",
        "modules": [
            "Возрастные особенности и задачи ранней профориентации",
            "Игровые и проектные формы знакомства с профессиями",
            "Экскурсии и встречи с представителями профессий",
        ],
    },
    {
        "title": "Рынок труда Хабаровского края: кадровые потребности и профессии будущего",
        "title_en": "The labour market of Khabarovsk Krai: skills needs and professions of the future",
        "summary": "Приоритетные отрасли и инвестиционные проекты края, прогноз кадровых потребностей, целевое "
        "обучение и меры поддержки молодых специалистов — для разговора с учениками о реальных перспективах.",
        "audiences": ("teachers", "navigators", "psychologists"),
        "hours": 18,
        "format": CourseFormat.DISTANCE,
        "dates": ((3, 10), (3, 20)),
        "places": None,
        "provider": CAREER_CENTRE,
        "district": None,
        "modules": [
            "Приоритетные отрасли и крупные проекты края",
            "Прогноз кадровых потребностей и востребованные профессии",
            "Целевое обучение и меры поддержки молодых специалистов",
        ],
    },
    {
        "title": "Проектирование профориентационной работы школы с предприятиями и колледжами",
        "title_en": "Planning a school’s career guidance with employers and colleges",
        "summary": "Договоры о сотрудничестве, профильные классы, профессиональные пробы в колледжах, участие "
        "работодателей в образовательной программе; практикум по плану на следующий учебный год.",
        "audiences": ("teachers", "navigators"),
        "hours": 36,
        "format": CourseFormat.BLENDED,
        "dates": ((4, 6), (4, 24)),
        "places": 20,
        "provider": IRO,
        "district": "Амурский муниципальный район",
        "modules": [
            "Модели сетевого взаимодействия школы, колледжа и работодателя",
            "Профильные и предпрофессиональные классы",
            "Профессиональные пробы: организация и оценка",
            "Практикум: план профориентационной работы на год",
        ],
    },
]
DEMO_NOTE = (
    "<p><em>Курсы в каталоге — демонстрационные записи: они показывают, как работает раздел. Редакция заменит их "
    "курсами, которые объявят ХК ИРО и центры края.</em></p>"
)


def school_year_date(month, day, today=None):
    """``day`` of ``month`` in the current school year (September to August)."""
    today = today or timezone.localdate()
    first_year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(first_year if month >= 9 else first_year + 1, month, day)


class Seeder(PageSeeder):
    def run(self):
        home = Site.objects.get(is_default_site=True).root_page.specific
        catalogue = self.upsert(
            home,
            CourseCatalogPage,
            "kursy",
            show_in_menus=True,
            title="Курсы повышения квалификации",
            summary="Курсы для педагогов, педагогов-навигаторов и педагогов-психологов по профориентации: сроки, "
            "объём, формат, программа и запись на портале.",
            easy_read_summary="Здесь курсы для учителей и психологов.\nМожно выбрать курс и записаться.",
            introduction="<p>Курсы повышения квалификации по профессиональному самоопределению обучающихся. "
            "Педагоги с подтверждённой учётной записью портала записываются на курс здесь; организатор курса "
            "подтверждает прохождение, и оно учитывается в мониторинге программы (показатель 3).</p>" + DEMO_NOTE,
        )
        self.courses()
        self.english(catalogue)
        link_from_home(
            "teachers", catalogue, {"ru": "Курсы повышения квалификации", "en": "Professional development courses"}
        )
        return self.created

    def courses(self):
        districts = {d.name: d for d in MunicipalDistrict.objects.in_default_locale()}
        organiser = self.organiser()
        for entry in COURSES:
            if Course.objects.filter(title_ru=entry["title"]).exists() and not self.refresh:
                continue
            (first_month, first_day), (last_month, last_day) = entry["dates"]
            starts_on = school_year_date(first_month, first_day)
            course, created = Course.objects.update_or_create(
                title_ru=entry["title"],
                defaults={
                    "title_en": entry["title_en"],
                    "summary_ru": entry["summary"],
                    **{f"for_{audience}": audience in entry["audiences"] for audience in AUDIENCE_FIELDS},
                    "hours": entry["hours"],
                    "format": entry["format"],
                    "starts_on": starts_on,
                    "ends_on": school_year_date(last_month, last_day),
                    "enrolment_closes_on": starts_on - datetime.timedelta(days=3),
                    "places": entry["places"],
                    "provider": entry["provider"],
                    "district": districts.get(entry["district"]),
                    "programme": self.programme(entry),
                    "is_demonstration": True,
                },
            )
            self.created += created
            course.organisers.add(organiser)

    def organiser(self):
        """The demonstration organiser of every seeded course: an account that cannot sign in."""
        username = f"courses-organiser@{DEMO_DOMAIN}"
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": username, "first_name": "Организатор", "last_name": "курсов ХК ИРО"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(organisers_group())
        return user

    def programme(self, entry):
        """The course's programme, generated once into the public collection of programmes."""
        title = f"Программа курса «{entry['title']}»"
        return self.generated_document(
            title,
            collection(PROGRAMMES_COLLECTION),
            lambda: pdf_bytes(None, "courses/programme_pdf.html", {"programme": entry}, title=title),
            "pdf",
        )

    def english(self, catalogue):
        en = Locale.objects.filter(language_code="en").first()
        if en is None:
            return
        self.translate(
            catalogue,
            en,
            title="Professional development courses",
            slug="courses",
            summary="Courses on career guidance for teachers, career navigators and school psychologists: dates, "
            "hours, form of study, programme and enrolment on the portal.",
            easy_read_summary="",
            introduction="<p>Professional development courses on students’ career choices. Teachers with an "
            "approved account of the portal enrol here; the course’s organiser confirms completion. Most courses "
            "are taught in Russian.</p><p><em>The courses listed are demonstration entries, made up to show how "
            "the section works.</em></p>",
        )
