"""Whatever a visitor types into the search box, the page answers normally: results or «nothing found»,
never a 500, nothing echoed unescaped. Runs on whichever backend the pass uses (database or OpenSearch)."""

import pytest
from wagtail.search.backends import get_search_backend

from conftest import forget_indexed_pages
from home.factories import ContentPageFactory
from portal.querytext import plain_query

HOSTILE = [
    "",
    "а" * 10_000,
    "!!!...,,,",
    '"',
    'сварщик"',
    'a"b"c"',
    "*",
    "сва*",
    ":",
    "title:сварщик",
    "(",
    "(сварщик",
    "NEAR(a b)",
    "OR",
    "AND AND NOT",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "weld сварщик",
    "😀",
    "сварщик 😀",
    "<script>alert(1)</script>",
    "-",
    "^",
    "\\",
    "\u0000",
]


@pytest.fixture
def welder_page(site_tree):  # not «page»: that name is pytest-playwright's browser page
    home, _ = site_tree
    forget_indexed_pages()
    found = ContentPageFactory(parent=home, title="Сварщик на судоверфи", summary="Профессия сварщика в крае.")
    get_search_backend().refresh_indexes()
    return found


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_gets_a_normal_page(client, welder_page, query):
    response = client.get("/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    if plain_query(query):
        assert 'role="status"' in html  # a result count, possibly zero


def test_an_unbalanced_quote_still_finds_the_page(client, welder_page):
    response = client.get("/search/", {"q": 'сварщик"'})
    assert [p.title for p in response.context["results"]] == ["Сварщик на судоверфи"]


def test_plain_query_removes_syntax_and_cuts_long_input():
    assert plain_query('  сварщик  "  судоверфь ') == "сварщик судоверфь"
    assert len(plain_query("а" * 10_000)) == 200
    assert plain_query(None) == ""


def test_report_search_takes_the_same_input(client, site_tree):
    from monitoring.models import MonitoringIndexPage

    home, _ = site_tree
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()
    for query in ('итоги"', "\u0000", "<script>alert(1)</script>", "а" * 500):
        response = client.get(index.url + "poisk/", {"q": query})
        assert response.status_code == 200 and "<script>alert" not in response.content.decode()
