"""Editors' picks for the queries visitors of a career portal type most, pointing at the sections the
other seeds built, and the abbreviations and synonyms of the programme's own documents. Idempotent: a pick or
a synonym group that exists is left as the editors made it."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from portal.seeding import PageSeeder

from .models import SynonymGroup

PICKS = [
    (
        "колледж",
        "spravochnik-postupaiushchego",
        "Колледжи и вузы края: программы, условия для студентов с ОВЗ, дни открытых дверей.",
    ),
    ("атлас", "atlas", "Востребованные профессии Хабаровского края: зарплаты, где учиться и работать."),
    ("профнавигатор", "navigator", "Ежегодный путеводитель по профессиям края и его издание для молодёжи с ОВЗ."),
    ("урок", "metodiki", "Планы занятий «ПрофиВОХ», раздаточные материалы и игровой модуль для учителей."),
    ("мониторинг", "monitoring", "Показатели программы по районам и годам, ежегодные отчёты."),
]

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
]


class Seeder(PageSeeder):
    def run(self):
        for terms in SYNONYMS:
            if not SynonymGroup.objects.filter(terms=terms).exists():
                SynonymGroup.objects.create(terms=terms)
                self.created += 1
        for words, slug, description in PICKS:
            page = Page.objects.live().filter(slug=slug, locale__language_code="ru").first()
            query = Query.get(words)
            if page is None or query.editors_picks.exists():
                continue
            SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
            self.created += 1
        return self.created
