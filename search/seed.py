"""Editors' picks for the queries visitors of a career portal type most, pointing at the sections the
other seeds built, and the abbreviations and synonyms of the programme's own documents. Idempotent: a pick or
a synonym group that exists is left as the editors made it."""

from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from portal.seeding import PageSeeder

from .models import FillerWord, SynonymGroup

PICKS = [
    (
        ("колледж",),
        "spravochnik-postupaiushchego",
        "Колледжи и вузы края: программы, условия для студентов с ОВЗ, дни открытых дверей.",
    ),
    (("атлас",), "atlas", "Востребованные профессии Хабаровского края: зарплаты, где учиться и работать."),
    (("профнавигатор",), "navigator", "Ежегодный путеводитель по профессиям края и его издание для молодёжи с ОВЗ."),
    (("урок",), "metodiki", "Планы занятий «ПрофиВОХ», раздаточные материалы и игровой модуль для учителей."),
    (
        ("мониторинг", "показатели", "показатели профориентации"),
        "monitoring",
        "Показатели программы по районам и годам, ежегодные отчёты.",
    ),
    (
        ("контакты", "телефон", "адрес"),
        "kontakty",
        "Министерство образования и науки края, ХК ИРО и краевой центр профориентации.",
    ),
    (("обратная связь",), "obratnaia-sviaz", "Напишите редакции портала: вопрос, предложение, ошибка на сайте."),
    (
        ("тест на профориентацию", "профориентационный тест", "тест кем стать", "кем стать", "тест"),
        "konstruktor-karery",
        "Анкета о ваших интересах и маршрут: класс, колледж или вуз, работа.",
    ),
    (
        ("климов",),
        "konstruktor-karery",
        "Опросник по пяти типам профессий Е. А. Климова и подбор профессий из атласа.",
    ),
]

# Pages that are not Wagtail pages (the accessibility statement is a view of the project shell): the link and
# its text, with the queries that lead to it.
EXTERNAL_PICKS = [
    (
        ("заявление о доступности", "доступность сайта", "версия для слабовидящих", "доступность"),
        "accessibility_statement",
        "Заявление о доступности",
        "Как портал выполняет требования доступности и куда сообщить о препятствии на сайте.",
    ),
]

# Words around what visitors look for, never required of a page (``search.understanding``): question words, and
# words any page of a career portal holds. Matched by stem («профессии» is «профессия»). Words that name what is
# looked for stay out. Some carry an intent (``FillerWord.intent``) the search answers above its results
# (``search.intents``): «зарплата сварщика» → the welder's salary, «где учиться на повара» → where to study.
# English queries («salary of a welder», «where to study to be a cook») have their own.
FILLER_WORDS = {
    "какой": "",
    "какие": "",
    "какая": "",
    "каких": "",
    "сколько": "",
    "куда": "",
    "зачем": "",
    "почему": "",
    "можно": "",
    "нужно": "",
    "надо": "",
    "хочу": "",
    "работа": "",
    "работать": "",
    "профессия": "",
    "учиться": "study",
    "выучиться": "study",
    "зарплата": "salary",
    "получает": "salary",
    "платят": "salary",
    "заработок": "salary",
    "поступать": "admission",
    "поступить": "admission",
    "поступление": "admission",
    "where": "",
    "how": "",
    "much": "",
    "what": "",
    "does": "",
    "become": "",
    "the": "",
    "to": "",
    "be": "",
    "a": "",
    "an": "",
    "of": "",
    "in": "",
    "for": "",
    "job": "",
    "jobs": "",
    "work": "",
    "profession": "",
    "salary": "salary",
    "earn": "salary",
    "earns": "salary",
    "paid": "salary",
    "study": "study",
    "learn": "study",
    "admission": "admission",
    "apply": "admission",
}

SYNONYMS = [
    "медсестра\nмедицинская сестра",
    "медбрат\nмедицинский брат",
    "СПО\nсреднее профессиональное образование",
    "ПОО\nпрофессиональная образовательная организация",
    "ТОГУ\nТихоокеанский государственный университет",
    "ДВГУПС\nДальневосточный государственный университет путей сообщения",
    "ОВЗ\nограниченные возможности здоровья",
    "вуз\nуниверситет\nинститут",
    "колледж\nтехникум",
    "ИТ\nIT\nинформационные технологии",
    "Комсомольск\nКомсомольск-на-Амуре",
    "ГИА\nгосударственная итоговая аттестация",
    # Everyday names of the atlas's professions (the cards' «Также называют» holds more of them)
    "айтишник\nпрограммист\nразработчик",
    "сварной\nсварщик",
    "дальнобойщик\nводитель грузового автомобиля",
    "шофёр\nводитель",
    "воспитатель детсада\nвоспитатель детского сада",
    "детсад\nдетский сад",
    "электрик\nэлектромонтёр",
    "медик\nмедицинский работник",
    "моряк\nсудоводитель",
    "аптекарь\nфармацевт\nпровизор",
    "учитель младших классов\nучитель начальных классов",
    "детский врач\nпедиатр",
    "профпроба\nпрофессиональная проба",
    "профориентация\nпрофессиональная ориентация",
    # Other names of the atlas's sectors: a query naming a sector by any of them applies the sector's facet
    # (``search.entities``)
    "здравоохранение\nмедицина\nмедицинский",
    "информационные технологии\nайти",
    "судостроение\nсудоремонт\nсудостроительный",
    "авиастроение\nавиационный\nавиация",
    "сельское хозяйство\nсельскохозяйственный\nаграрный",
    "строительство\nстроительный",
    "транспорт\nтранспортный",
    "логистика\nлогистический",
]


class Seeder(PageSeeder):
    def run(self):
        for word, intent in FILLER_WORDS.items():
            _word, created = FillerWord.objects.get_or_create(word=word, defaults={"intent": intent})
            self.created += created
        for terms in SYNONYMS:
            if not SynonymGroup.objects.filter(terms=terms).exists():
                SynonymGroup.objects.create(terms=terms)
                self.created += 1
        for queries, slug, description in PICKS:
            page = Page.objects.live().filter(slug=slug, locale__language_code="ru").first()
            for words in queries if page is not None else ():
                query = Query.get(words)
                if query.editors_picks.exists():
                    continue
                SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
                self.created += 1
        for queries, url_name, text, description in EXTERNAL_PICKS:
            for words in queries:
                query = Query.get(words)
                if query.editors_picks.exists():
                    continue
                SearchPromotion.objects.create(
                    query=query,
                    external_link_url=reverse(url_name),
                    external_link_text=text,
                    description=description,
                    sort_order=0,
                )
                self.created += 1
        return self.created
