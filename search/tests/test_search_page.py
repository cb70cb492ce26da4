"""The search page finds Russian content on whichever backend runs (database by default; OpenSearch
and PostgreSQL in the scaled CI pass)."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from conftest import require_service
from home.factories import ContentPageFactory, SectionPageFactory


def refresh():
    get_search_backend().refresh_indexes()


@pytest.fixture
def pages(site_tree):
    home, _ = site_tree
    section = SectionPageFactory(parent=home, title="Школьникам")
    found = ContentPageFactory(
        parent=section,
        title="Профориентация школьников",
        summary="Как выбрать профессию, востребованную в Хабаровском крае.",
    )
    other = ContentPageFactory(parent=section, title="Контакты редакции", summary="Телефон и адрес.")
    refresh()
    return found, other


def test_russian_word_finds_the_page(client, pages):
    found, other = pages
    response = client.get("/search/", {"q": "профориентация"})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results"]]
    assert found.title in titles and other.title not in titles
    assert "<mark>Профориентация</mark> школьников" in response.content.decode()  # the query's word marked


def test_search_is_limited_to_the_visitors_language(client, pages):
    found, _ = pages
    response = client.get("/en/search/", {"q": "профориентация"})
    assert response.status_code == 200
    assert found.title not in [page.title for page in response.context["results"]]


def test_empty_query_shows_the_form_only(client, pages):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200 and response.context["results"] is None


@pytest.mark.opensearch
def test_opensearch_index_uses_the_russian_analysis(pages):
    require_service("OpenSearch", "OPENSEARCH_URL", "the scaled search tier")
    backend = get_search_backend()
    from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

    assert isinstance(backend, OpenSearch2SearchBackend)  # the project's subclass (search.backends.opensearch)
    found, _ = pages
    index = backend.get_index_for_model(type(found))
    analysis = backend.es.indices.get_settings(index=index.name)
    (settings,) = analysis.values()
    assert settings["settings"]["index"]["analysis"]["analyzer"]["default"]["filter"][-2:] == [
        "russian_stemmer",
        "english_stemmer",
    ]
    tokens = backend.es.indices.analyze(index=index.name, body={"analyzer": "default", "text": "Профориентацией Ёлки"})
    assert [t["token"] for t in tokens["tokens"]] == ["профориентац", "елк"]
    # Morphology end to end: an inflected form finds the page.
    assert found in type(found).objects.live().search("профориентацией")


@pytest.mark.postgres
def test_postgresql_search_uses_russian_configuration(pages):
    require_service("PostgreSQL", "DATABASE_URL", "the scaled database tier")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('russian', 'Профориентацией школьников')::text")
        assert "'профориентац'" in cursor.fetchone()[0]


def test_search_finds_a_seeded_page(client, seeded_site, db):
    refresh()
    response = client.get("/search/", {"q": "паспорта проекта"})
    assert response.context["results"][0].url == "/o-proekte/pasport-proekta/"
    picks = client.get("/search/", {"q": "Колледж"}).context["picks"]  # the seed's editors' picks
    assert [pick.page.slug for pick in picks] == ["spravochnik-postupaiushchego"]


def test_pages_of_results_do_not_overlap_and_the_best_comes_first(client, site_tree):
    from conftest import forget_indexed_pages

    forget_indexed_pages()
    home, _ = site_tree
    best = ContentPageFactory(parent=home, title="Лесничий", summary="Лесничий охраняет лес.")
    for n in range(24):
        ContentPageFactory(parent=home, title=f"Страница {n}", summary="Упоминает лесничего один раз.")
    refresh()
    first = client.get("/search/", {"q": "лесничий"}).context["results"]
    second = client.get("/search/", {"q": "лесничий", "page": "2"}).context["results"]
    assert first.paginator.count == 25 and len(first) == 20 and len(second) == 5
    assert first[0].pk == best.pk
    assert {p.pk for p in first}.isdisjoint({p.pk for p in second})
