"""Profession names as the visitor types, on whichever backend runs; «Возможно, вы имели в виду…» for a
misspelling that finds nothing."""

from django.core.cache import cache
from wagtail.search.backends import get_search_backend

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory
from conftest import forget_indexed_pages
from home.factories import ContentPageFactory


def make_cards(site_tree):
    forget_indexed_pages()
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    for title in ["Сварщик", "Сварщик на судоверфи", "Слесарь-сборщик", "Swimming coach"]:
        ProfessionPageFactory(parent=atlas, title=title)
    ContentPageFactory(parent=home, title="Сварка для начинающих")  # not a profession: never suggested
    get_search_backend().refresh_indexes()


def test_suggestions_are_profession_names_starting_with_the_words(client, site_tree):
    make_cards(site_tree)
    data = client.get("/search/suggest/", {"q": "Сва"}).json()
    assert sorted(s["title"] for s in data["suggestions"]) == ["Сварщик", "Сварщик на судоверфи"]
    assert all(s["url"].startswith("/atlas/") for s in data["suggestions"])
    assert [s["title"] for s in client.get("/search/suggest/", {"q": "сварщик на"}).json()["suggestions"]] == [
        "Сварщик на судоверфи"
    ]


def test_short_empty_and_hostile_input_gives_no_suggestions(client, site_tree):
    make_cards(site_tree)
    for query in ["", "с", '"', "(", "*", "'; DROP TABLE x; --", "x" * 10_000, "😀"]:
        response = client.get("/search/suggest/", {"q": query})
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        assert response.json()["suggestions"] == [] or query == "x" * 10_000


def test_did_you_mean_offers_a_spelling_that_finds_something(client, site_tree):
    cache.clear()  # the vocabulary is cached per publication time, which factory-made pages do not set
    make_cards(site_tree)
    response = client.get("/search/", {"q": "сваршик"})
    assert response.context["results"].paginator.count == 0
    assert response.context["did_you_mean"] == "сварщик"
    html = response.content.decode()
    assert "Возможно, вы имели в виду" in html and 'href="?q=%D1%81%D0%B2%D0%B0%D1%80%D1%89%D0%B8%D0%BA"' in html
    # A correct word that finds nothing gets no suggestion; neither does gibberish.
    assert client.get("/search/", {"q": "программист"}).context.get("did_you_mean") is None
    assert client.get("/search/", {"q": "ывапролдж"}).context.get("did_you_mean") is None
