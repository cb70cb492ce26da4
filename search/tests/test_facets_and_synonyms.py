"""Facets with counts, and editors' synonyms, on whichever backend runs; in the scaled pass the counts of
OpenSearch and of the database backend beside it are compared."""

import pytest
from django.conf import settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from atlas.factories import (
    AtlasIndexPageFactory,
    DistrictFactory,
    EmployerFactory,
    OrganisationFactory,
    ProfessionPageFactory,
    SectorFactory,
)
from conftest import forget_indexed_pages, require_service
from home.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from portal.models import Audience
from search import site_search
from search.models import SynonymGroup


@pytest.fixture
def varied(site_tree, django_capture_on_commit_callbacks):
    """Seven pages and one employer that all mention «навигатор», of five kinds, two sectors, two districts."""
    forget_indexed_pages()
    home, _ = site_tree
    aviation, ships = SectorFactory(name="Авиастроение"), SectorFactory(name="Судостроение")
    north, south = DistrictFactory(name="Северный район"), DistrictFactory(name="Южный район")
    atlas = AtlasIndexPageFactory(parent=home)
    # Indexed again when the transaction commits, with the districts and audiences (see search.signals).
    with django_capture_on_commit_callbacks(execute=True):
        for title, sector, district in [
            ("Штурман-навигатор", aviation, north),
            ("Навигатор судна", ships, north),
            ("Оператор навигатора", aviation, south),
        ]:
            profession = ProfessionPageFactory(parent=atlas, title=title, sector=sector)
            profession.districts.set([district])
            profession.save()
        page = ContentPageFactory(parent=home, title="Навигатор профессий для школьников")
        page.audiences.set([Audience.objects.get(slug="students")])
        page.save()
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title="Вышел новый навигатор", date="2023-05-01")
    NewsPageFactory(parent=news, title="Навигатор для родителей", date="2024-02-01")
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Презентация навигатора", start_date="2024-04-15")
    EmployerFactory(name="Навигатор-Сервис", sector=ships)
    for name in settings.WAGTAILSEARCH_BACKENDS:
        get_search_backend(name).refresh_indexes()
    return {"aviation": aviation, "north": north}


def facet(response, name):
    menu = {f["name"]: f for f in response.context["facets"]}
    return {item["label"]: item["count"] for item in menu[name]["items"]} if name in menu else {}


def test_counts_by_kind_sector_district_year_audience(client, varied):
    response = client.get("/search/", {"q": "навигатор"})
    assert response.context["results"].paginator.count == 7  # pages; the employer is counted under its kind
    assert facet(response, "kind") == {"Профессии": 3, "Работодатели": 1, "Мероприятия": 1, "Новости": 2, "Страницы": 1}
    assert facet(response, "sector") == {"Авиастроение": 2, "Судостроение": 1}
    assert facet(response, "district") == {"Северный район": 2, "Южный район": 1}
    assert facet(response, "year") == {"2024": 2, "2023": 1}
    assert facet(response, "audience") == {"Школьникам и студентам": 1}


def test_choosing_values_narrows_results_and_counts(client, varied):
    response = client.get("/search/", {"q": "навигатор", "kind": "profession", "sector": varied["aviation"].slug})
    assert sorted(p.title for p in response.context["results"]) == ["Оператор навигатора", "Штурман-навигатор"]
    assert facet(response, "district") == {"Северный район": 1, "Южный район": 1}
    assert facet(response, "kind")["Профессии"] == 2  # kinds counted with the sector applied
    html = response.content.decode()
    assert 'aria-current="true"' in html and "убрать" in html
    employers = client.get("/search/", {"q": "навигатор", "kind": "employer"})
    assert [e.name for e in employers.context["results"]] == ["Навигатор-Сервис"]
    assert "/atlas/rabotodateli/navigator-servis/" in employers.content.decode()


def test_unknown_facet_value_is_reported_and_the_rest_applies(client, varied):
    response = client.get("/search/", {"q": "навигатор", "kind": "news", "sector": "net-takoi", "year": "двадцать"})
    assert response.status_code == 200
    assert sorted(p.title for p in response.context["results"]) == ["Вышел новый навигатор", "Навигатор для родителей"]
    html = response.content.decode()
    assert "не учтены" in html and "Отрасль:" in html and "Год:" in html


@pytest.mark.opensearch
def test_same_counts_on_opensearch_and_the_database(varied):
    require_service("OpenSearch", "OPENSEARCH_URL", "compares OpenSearch with the database backend")
    ru = Locale.objects.get(language_code="ru")
    for selected in [{}, {"kind": "profession"}, {"district": varied["north"].slug}, {"year": "2024"}]:
        on_opensearch = site_search.search("навигатор", ru, selected, backend="default")
        on_database = site_search.search("навигатор", ru, selected, backend="database")
        assert on_opensearch.counts == on_database.counts, selected
        assert on_opensearch.results.paginator.count == on_database.results.paginator.count
        assert {p.pk for p in on_opensearch.results} == {p.pk for p in on_database.results}


def test_editors_synonyms_apply(client, site_tree, django_capture_on_commit_callbacks):
    forget_indexed_pages()
    home, _ = site_tree
    nurse = ContentPageFactory(parent=home, title="Медицинская сестра", summary="Уход за пациентами.")
    spo = ContentPageFactory(
        parent=home, title="Куда пойти после 9 класса", summary="Среднее профессиональное образование."
    )
    get_search_backend().refresh_indexes()

    def titles(query):
        return [p.title for p in client.get("/search/", {"q": query}).context["results"]]

    assert titles("медсестры") == [] and titles("СПО") == []
    with django_capture_on_commit_callbacks(execute=True):  # synonyms are cached until a change commits
        SynonymGroup.objects.create(terms="медсестра\nмедицинская сестра")
        SynonymGroup.objects.create(terms="СПО, среднее профессиональное образование")
    assert titles("медсестры") == [nurse.title]  # an inflected form of the synonym
    assert titles("спо") == [spo.title]
    assert titles("медицинской сестрой") == [nurse.title]  # the phrase itself still works


def test_search_costs_few_queries_that_do_not_grow_with_the_results(
    client, varied, django_capture_on_commit_callbacks, settings
):
    """Every kind of result found (pages of five kinds, the four kinds of atlas records) and an editors' pick:
    at most MAX_PAGE_QUERIES, and as many with more results. The query log's write is the task queue's, once a
    minute per process (search/query_log.py), not the page's."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from portal.tests.helpers import assert_few_constant_queries
    from search import query_log

    settings.SEARCH_LOG_FLUSH_SECONDS = 10**9  # as in production, where it is a minute: never within the test
    atlas = ProfessionPageFactory._meta.model.objects.first().get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        SectorFactory(name="Судовые навигаторы")
        DistrictFactory(name="Район «Навигатор»")
        OrganisationFactory(name="Школа навигаторов")
        SearchPromotion.objects.create(query=Query.get("навигатор"), page=atlas, description="Атлас профессий")
    for name in settings.WAGTAILSEARCH_BACKENDS:
        get_search_backend(name).refresh_indexes()
    urls = [
        "/search/?q=навигатор",
        "/search/?q=навигатор&kind=news",
        "/search/?q=навигатор&kind=employer",
        # No page with both words: those with one of them follow (of one kind: a page of results costs a query
        # per page type on it, and the new pages would change the mix of types, not the number of queries).
        "/search/?q=навигатор+нетсовпадений&kind=profession",
        "/search/?q=нетсовпадений",  # nothing at all: the atlas's filters and popular searches
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(12):
                profession = ProfessionPageFactory(parent=atlas, title=f"Навигатор {n}", sector=varied["aviation"])
                profession.districts.set([varied["north"]])
                profession.save()
                EmployerFactory(name=f"Навигатор-{n}")
        for name in settings.WAGTAILSEARCH_BACKENDS:
            get_search_backend(name).refresh_indexes()

    response = client.get(urls[0])
    assert [group["title"] for group in response.context["record_groups"]] == [
        "Колледжи и вузы",
        "Работодатели",
        "Отрасли",
        "Районы и округа",
    ]
    assert [pick.description for pick in response.context["picks"]] == ["Атлас профессий"]
    assert_few_constant_queries(client, urls, grow)
    assert client.get(urls[0]).context["results"].paginator.count == 19
    assert not Query.get("навигатор").daily_hits.exists()  # counted in memory so far
    query_log.flush()
    assert Query.get("навигатор").daily_hits.get().hits > 1


@pytest.mark.opensearch
def test_on_opensearch_the_records_come_with_the_counts(varied, monkeypatch):
    """The counts of every kind and the atlas records shown above the pages are one multi-search; the page of
    results is the only other request."""
    require_service("OpenSearch", "OPENSEARCH_URL", "counts the requests sent to OpenSearch")
    client_class = type(get_search_backend("default").es)
    sent = []
    for method in ("search", "msearch"):
        real = getattr(client_class, method)
        monkeypatch.setattr(
            client_class,
            method,
            lambda *args, _real=real, _method=method, **kw: sent.append(_method) or _real(*args, **kw),
        )
    found = site_search.search("навигатор", Locale.objects.get(language_code="ru"), {}, backend="default")
    assert [employer.name for employer in found.records["employer"]] == ["Навигатор-Сервис"]
    assert found.results.paginator.count == 7
    assert sent == ["msearch", "search"]


def test_atlas_records_are_grouped_above_the_pages_and_open_their_atlas_pages(client, site_tree):
    forget_indexed_pages()
    home, _ = site_tree
    AtlasIndexPageFactory(parent=home)
    SectorFactory(name="Судостроение", description="Верфи Комсомольска-на-Амуре.")
    DistrictFactory(name="Ванинский муниципальный район", centre="Ванино")
    for n in range(4):
        EmployerFactory(name=f"Судоверфь {n}", description="Судостроение и ремонт судов.")
    ContentPageFactory(parent=home, title="Судостроение в крае")
    for name in settings.WAGTAILSEARCH_BACKENDS:
        get_search_backend(name).refresh_indexes()

    response = client.get("/search/", {"q": "судостроения"})
    assert facet(response, "kind") == {"Работодатели": 4, "Отрасли": 1, "Страницы": 1}
    groups = {group["title"]: group for group in response.context["record_groups"]}
    assert groups["Отрасли"]["count"] == 1 and len(groups["Работодатели"]["hits"]) == 3
    html = response.content.decode()
    assert "/atlas/otrasli/sudostroenie/" in html and "Показать все (4): Работодатели" in html
    assert [p.title for p in response.context["results"]] == ["Судостроение в крае"]

    districts = client.get("/search/", {"q": "Ванино", "kind": "district"})
    assert [d.name for d in districts.context["results"]] == ["Ванинский муниципальный район"]
    assert "/atlas/raiony/vaninskii-munitsipalnyi-raion/" in districts.content.decode()
