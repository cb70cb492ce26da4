"""What visitors type, and the page they must get: first or among the first three, on every backend CI has
(SQLite with the Snowball stemmer; PostgreSQL's ``russian`` configuration and OpenSearch's Russian analysis in
the scaled pass). Runs on the seeded site (conftest.py: seeded_site), and reports every row that failed.

``TABLE`` holds exact searches; ``ASKED`` holds what a student, a parent, a teacher and an employer type into a
career portal's search box (questions, slang, typos, places and sectors in oblique cases). A row of ``ASKED`` is
found when its page is among the first three the visitor sees: editors' picks, then the results that hold every
meaningful word, then those that hold most of them (``site_search.nearby``) — or among the atlas records shown
above them (a district, a sector; a section whose title holds a word of the query; the page the answer box links).
Rows that need what a later slice brings (intent routes, entity facets) are
listed in ``LATER`` with the reason: strict expected failures, so that a row that starts passing is noticed."""

import pytest
from django.utils.html import strip_tags

# query, title expected, how high it must be (1 = first)
TABLE = [
    ("сварщиком", "Сварщик", 1),
    ("Сварщики", "Сварщик", 1),
    ("медсестры", "Медицинская сестра", 1),
    ("медсёстры", "Медицинская сестра", 1),
    ("медицинской сестрой", "Медицинская сестра", 1),
    ("ИНЖЕНЕР-ЭНЕРГЕТИК", "Инженер-энергетик", 1),
    ("инженер энергетик", "Инженер-энергетик", 1),
    ("программистом", "Программист (веб- и прикладная разработка)", 1),
    ("профессии будущего", "Инженер-энергетик", 3),
    ("урок для 8 класса", "ПрофиВОХ: профессиональное самоопределение", 3),
    ("профессиональные пробы", "Профессиональная проба «Сестринское дело: первые навыки»", 3),
    ("показатель 4 2022", "Мониторинг профориентации: итоги 2022 года", 1),
    ("паспорт проекта", "Паспорт проекта «Учись и работай в Хабаровском крае»", 1),
    ("игровой модуль", "Работай в Хабаровском крае", 3),
]

WELDER = "Сварщик"
NURSE = "Медицинская сестра"
PROGRAMMER = "Программист (веб- и прикладная разработка)"
COOK = "Повар"
CONTACTS = "Контакты"
CAREER_BUILDER = "Конструктор карьеры"
MONITORING = "Мониторинг"

# query as typed, the page (or atlas record) that must be among the first three
ASKED = [
    # a student
    ("зарплата сварщика", WELDER),
    ("сколько получает сварщик", WELDER),
    ("сварной", WELDER),
    ("где учиться на повара", COOK),
    ("повор", COOK),
    ("как стать программистом", PROGRAMMER),
    ("айтишник", PROGRAMMER),
    ("програмист", PROGRAMMER),
    ("дальнобойщик", "Водитель грузового автомобиля"),
    ("работа медсестрой", NURSE),
    ("медсестра зарплата", NURSE),
    ("электрик", "Электромонтёр по ремонту и обслуживанию электрооборудования"),
    ("сантехник", "Монтажник санитарно-технических систем (сантехник)"),
    ("штукатур", "Мастер отделочных строительных и декоративных работ (маляр, штукатур)"),
    ("лесоруб", "Оператор лесозаготовительной техники (вальщик леса)"),
    ("машинист поезда", "Машинист локомотива"),
    ("моряк", "Судоводитель (штурман речного/морского флота)"),
    ("кассир в магазине", "Продавец-кассир"),
    ("профессия тракторист", "Тракторист-машинист сельскохозяйственного производства"),
    ("аптекарь", "Фармацевт"),
    ("тест на профориентацию", CAREER_BUILDER),
    ("тест кем стать", CAREER_BUILDER),
    ("где учиться на сварщика", WELDER),
    ("зарплата повара", COOK),
    # a parent
    ("медицинские профессии", NURSE),
    ("детский врач", "Врач-педиатр"),
    ("воспитатель детсада", "Воспитатель детского сада"),
    ("учитель младших классов", "Учитель начальных классов"),
    ("контакты", CONTACTS),
    ("телефон министерства образования", CONTACTS),
    ("заявление о доступности", "Заявление о доступности"),  # an editors' pick: the statement is not a page
    ("доступная среда", "Доступная среда"),
    ("куда поступать после 9 класса", "Справочник для поступающих"),
    # a teacher
    ("мониторинг", MONITORING),
    ("показатели", MONITORING),
    ("показатели профориентации по районам", MONITORING),
    ("курсы повышения квалификации для учителей", "Курсы повышения квалификации"),
    ("профпробы для школьников", "Профпробы, экскурсии, практики"),
    ("кружки для детей", "Кружки и секции: дополнительное образование"),
    ("методические материалы", "Методическая копилка"),
    # an employer
    ("ярмарка вакансий", "Ярмарки вакансий"),
    ("ярмарка вакансий для выпускников колледжей", "Ярмарка вакансий для выпускников колледжей"),
    ("вакансии для молодежи", "Вакансии для молодёжи"),
    ("работа в Комсомольске-на-Амуре", "Городской округ «Город Комсомольск-на-Амуре»"),
    ("работа в Амурске", "Амурский муниципальный район"),  # a place named by its centre: the district's facet
    ("судостроение", "Судостроение и судоремонт"),
    ("опрос работодателей", "Опрос работодателей: подготовка выпускников"),
]

# Rows the search does not answer yet, with the reason: they must fail until it does.
LATER = {}


def shown(client, query):
    """What the visitor sees first for ``query``: the titles of the editors' picks, the results, then the nearest
    matches; and what is shown above them: the pages the answer box links (the handbook for «куда поступать»), the
    sections whose title holds a word of the query, and the atlas records."""
    context = client.get("/search/", {"q": query}).context
    picks = [pick.page.title if pick.page else pick.external_link_text for pick in context["picks"]]
    results = [page.title for page in context["results"]] if context["results"] is not None else []
    nearby = [page.title for page in context.get("nearby") or []]
    records = [strip_tags(hit["title"]) for group in context.get("record_groups") or [] for hit in group["hits"]]
    records += [strip_tags(hit["title"]) for hit in context.get("sections") or []]
    records += [answer["title"] for answer in context.get("answers") or [] if "title" in answer]
    return [*picks, *results, *nearby], records


def test_queries_find_their_pages(client, seeded_index):
    failures = []
    for query, title, within in TABLE:
        results = client.get("/search/", {"q": query}).context["results"]
        titles = [page.title for page in results][:3]
        if title not in titles[:within]:
            failures.append(f"{query!r}: expected {title!r} within the first {within}, got {titles}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        pytest.param(query, title, marks=pytest.mark.xfail(strict=True, reason=LATER[query]))
        if query in LATER
        else (query, title)
        for query, title in ASKED
    ],
)
def test_what_visitors_ask_finds_its_page_among_the_first_three(client, seeded_index, query, title):
    pages, records = shown(client, query)
    assert title in pages[:3] or title in records, f"got {pages[:3]}, records {records}"
