"""What visitors type, and the page they must get: first or among the first three, on every backend CI has
(SQLite with the Snowball stemmer; PostgreSQL's ``russian`` configuration and OpenSearch's Russian analysis in
the scaled pass). Runs on the seeded site (conftest.py: seeded_site), and reports every row that failed."""

from wagtail.search.backends import get_search_backend

from conftest import index_the_database_alone

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


def test_queries_find_their_pages(client, seeded_site, db):
    index_the_database_alone()
    get_search_backend().refresh_indexes()
    failures = []
    for query, title, within in TABLE:
        results = client.get("/search/", {"q": query}).context["results"]
        titles = [page.title for page in results][:3]
        if title not in titles[:within]:
            failures.append(f"{query!r}: expected {title!r} within the first {within}, got {titles}")
    assert not failures, "\n".join(failures)
