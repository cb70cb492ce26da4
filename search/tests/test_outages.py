"""OpenSearch down (connection refused) or hanging (accepts, never answers): the site search and the
suggestions answer from the database backend, without waiting out a long timeout, and after one failure
the circuit breaker keeps the next searches away from OpenSearch."""

import logging

from django.core.cache import caches

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory
from conftest import survives_outage
from home.factories import ContentPageFactory
from portal import search_engine


def test_site_search_answers_from_the_database(client, site_tree, search_at, outage, caplog):
    home, _ = site_tree
    ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    search_at(outage.url)
    with caplog.at_level(logging.WARNING, logger="portal.search_engine"):
        responses = survives_outage(outage, lambda: client.get("/search/", {"q": "лесничие"}))
    for response in responses:
        assert [page.title for page in response.context["results"]] == ["Лесничий"]
    errors = [r for r in caplog.records if r.name == "portal.search_engine"]
    assert [r.levelname for r in errors] == ["ERROR"]  # logged once, not once per search


def test_suggestions_answer_from_the_database(client, site_tree, search_at, outage):
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    ProfessionPageFactory(parent=atlas, title="Сварщик")
    search_at(outage.url)
    responses = survives_outage(outage, lambda: client.get("/search/suggest/", {"q": "Сва"}))
    for response in responses:
        assert [s["title"] for s in response.json()["suggestions"]] == ["Сварщик"]


def test_opensearch_is_tried_again_once_the_breaker_closes(client, site_tree, search_at):
    from conftest import SilentServer

    home, _ = site_tree
    ContentPageFactory(parent=home, title="Лесничий")
    server = SilentServer()
    try:
        search_at(server.url)
        client.get("/search/", {"q": "лесничий"})
        client.get("/search/", {"q": "лесничий"})
        assert len(server.connections) == 1
        caches["shared"].delete(search_engine.BREAKER_KEY)  # a minute later, as far as the breaker knows
        assert client.get("/search/", {"q": "лесничий"}).status_code == 200
        assert len(server.connections) == 2
    finally:
        server.close()
