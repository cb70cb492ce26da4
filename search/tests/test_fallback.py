"""OpenSearch stops answering during the test: searches keep their results from the database backend, the
outage is logged once, the circuit breaker keeps searches on the database for a minute, and after OpenSearch
returns ``update_index`` rebuilds its index behind an alias with what it missed."""

import logging
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from conftest import forget_indexed_pages, require_service
from home.factories import ContentPageFactory
from portal import search_engine

from .tcp_proxy import TcpProxy


@pytest.fixture
def proxied_opensearch(settings):
    target = urlsplit(require_service("OpenSearch", "OPENSEARCH_URL", "the fallback when OpenSearch is away"))
    proxy = TcpProxy(target.hostname, target.port)
    proxy.start()
    backends = dict(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"] = {**backends["default"], "URLS": [proxy.url]}
    settings.WAGTAILSEARCH_BACKENDS = backends
    caches["shared"].delete(search_engine.BREAKER_KEY)
    yield proxy
    search_engine._outage = False
    caches["shared"].delete(search_engine.BREAKER_KEY)


def titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response, [page.title for page in response.context["results"]]


@pytest.mark.opensearch
def test_search_survives_opensearch_stopping_and_catches_up(client, site_tree, proxied_opensearch, caplog):
    forget_indexed_pages()
    home, _ = site_tree
    ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    get_search_backend().refresh_indexes()
    assert titles(client, "лесничие")[1] == ["Лесничий"]

    proxied_opensearch.stop()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="portal.search_engine"):
        response, found = titles(client, "лесничие")
        assert found == ["Лесничий"]  # from the database backend
        assert titles(client, "лесничего")[1] == ["Лесничий"]
    outage = [r for r in caplog.records if r.name == "portal.search_engine"]
    assert [r.levelname for r in outage] == ["ERROR"] and "unreachable" in outage[0].getMessage()
    assert "OpenSearch" not in response.content.decode()  # nothing of it shown to the visitor

    ContentPageFactory(parent=home, title="Лесной пожарный", summary="Тушит лесные пожары.")  # OpenSearch misses it
    assert titles(client, "пожарные")[1] == ["Лесной пожарный"]

    proxied_opensearch.start()
    assert titles(client, "пожарные")[1] == ["Лесной пожарный"]  # the breaker still skips OpenSearch
    caches["shared"].delete(search_engine.BREAKER_KEY)  # a minute later, as far as the breaker knows
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="portal.search_engine"):
        assert titles(client, "пожарные")[1] == []  # OpenSearch answers again, without the new page
    assert any("answers again" in r.getMessage() for r in caplog.records if r.name == "portal.search_engine")

    backend = get_search_backend()
    index_name = backend.get_index_for_model(Page).name
    before = set(backend.es.indices.get_alias(name=index_name))
    call_command("update_index", backend_name="default", verbosity=0)
    after = set(backend.es.indices.get_alias(name=index_name))
    assert after and after != before  # a new index behind the same alias
    assert titles(client, "пожарные")[1] == ["Лесной пожарный"]
