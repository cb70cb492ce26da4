"""The two surveys the programme's plan names, with questions written for the krai: how well young people know the
krai's professions and labour market, and employers' assessment of the graduates they hire. No answers are seeded:
the results pages show what real visitors answer."""

from wagtail.models import Site

from atlas.models import MunicipalDistrict, Sector
from portal import locales
from portal.seeding import PageSeeder

from .models import SurveyPage, SurveyQuestion

STUDENTS = [
    (
        "Кто вы?",
        "radio",
        ["Ученик 8–9 класса", "Ученик 10–11 класса", "Студент колледжа", "Студент вуза", "Другое"],
        True,
    ),
    ("В каком районе вы учитесь?", "dropdown", "districts", True),
    ("Насколько хорошо вы знаете, какие профессии востребованы в Хабаровском крае?", "scale", [], True),
    (
        "Знаете ли вы, где в крае можно получить профессию, которая вам интересна?",
        "radio",
        ["Да, точно знаю", "Примерно представляю", "Нет"],
        True,
    ),
    (
        "Откуда вы узнаёте о профессиях и работе в крае?",
        "checkboxes",
        [
            "В школе или колледже",
            "От родителей и знакомых",
            "На экскурсиях и профпробах на предприятиях",
            "На днях открытых дверей колледжей и вузов",
            "Из интернета и соцсетей",
            "На портале «Учись и работай в Хабаровском крае»",
            "В центре занятости",
        ],
        True,
    ),
    (
        "Были ли вы за последний год на экскурсии или профпробе на предприятии края?",
        "radio",
        ["Да", "Нет", "Не помню"],
        True,
    ),
    (
        "Хотели бы вы после учёбы работать в Хабаровском крае?",
        "radio",
        ["Да", "Скорее да", "Скорее нет", "Нет", "Пока не знаю"],
        True,
    ),
    ("Чего вам не хватает, чтобы выбрать профессию?", "multiline", [], False),
]
EMPLOYERS = [
    ("Отрасль вашей организации", "dropdown", "sectors", True),
    ("Сколько выпускников колледжей и вузов края вы приняли на работу за последний год?", "number", [], False),
    ("Как вы оцениваете профессиональную подготовку выпускников колледжей края?", "scale", [], True),
    ("Как вы оцениваете профессиональную подготовку выпускников вузов края?", "scale", [], True),
    (
        "Чего чаще всего не хватает молодым специалистам?",
        "checkboxes",
        [
            "Практических навыков",
            "Знания современного оборудования и технологий",
            "Знания требований охраны труда",
            "Умения работать в команде",
            "Ответственности и дисциплины",
            "Цифровых навыков",
        ],
        True,
    ),
    (
        "В чём ваша организация участвует?",
        "checkboxes",
        [
            "Экскурсии для школьников",
            "Профессиональные пробы",
            "Практика студентов",
            "Целевое обучение",
            "Наставничество",
            "Ярмарки вакансий",
            "Пока ни в чём",
        ],
        True,
    ),
    (
        "Готова ли организация принимать на работу выпускников с инвалидностью и ОВЗ?",
        "radio",
        ["Да, уже принимаем", "Да, при поддержке в адаптации рабочего места", "Пока нет"],
        True,
    ),
    ("Что стоит изменить в подготовке кадров для вашей отрасли?", "multiline", [], False),
]


class Seeder(PageSeeder):
    def run(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return self.created
        home = site.root_page
        lists = {"districts": self.names(MunicipalDistrict), "sectors": self.names(Sector)}
        self.survey(
            home,
            "opros-informirovannost",
            STUDENTS,
            lists,
            title="Опрос: что вы знаете о профессиях и работе в крае",
            summary="Анонимный опрос школьников и студентов: насколько молодёжь знает о востребованных профессиях "
            "и рынке труда Хабаровского края.",
            introduction="<p>Опрос проводится по программе профориентации края. Он займёт пять минут.</p>",
        )
        self.survey(
            home,
            "opros-rabotodatelei",
            EMPLOYERS,
            lists,
            title="Опрос работодателей: подготовка выпускников",
            summary="Анонимный опрос работодателей края: как они оценивают подготовку выпускников колледжей и вузов.",
            introduction="<p>Ответы помогут колледжам и вузам края учить тому, что нужно на работе.</p>",
        )
        return self.created

    @staticmethod
    def names(model):
        return list(
            model.objects.filter(locale__language_code=locales.default_language())
            .order_by("name")
            .values_list("name", flat=True)
        )

    def survey(self, home, slug, questions, lists, **fields):
        exists = SurveyPage.objects.child_of(home).filter(slug=slug).exists()
        page = self.upsert(
            home,
            SurveyPage,
            slug,
            thank_you_text="<p>Итоги опроса войдут в ежегодный отчёт мониторинга профориентации.</p>",
            **fields,
        )
        if exists and not self.refresh:
            return page
        page.questions = [
            SurveyQuestion(
                label=label,
                field_type=kind,
                choices="\n".join(lists[options] if isinstance(options, str) else options),
                required=required,
            )
            for label, kind, options, required in questions
        ]
        page.save_revision().publish()
        return page
