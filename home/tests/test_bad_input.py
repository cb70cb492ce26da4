"""Unknown addresses, malformed parameters and odd encodings never give a 500."""

import datetime

import pytest
from django.db.models import Min
from wagtail.models import Page

from home.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory

ODD_QUERIES = [
    "?page=abc",
    "?page=-1",
    "?page=99999999999999999999999",
    "?year=%ff%fe&audience=%00",
    "?year=20x4&audience=' OR 1=1 --",
    "?audience=" + "я" * 5000,
    "?q=%D0",
    "?page=1&page=2&year=2024&year=abc",
    "?%zz=1",
    "?year=²",  # "²".isdigit() is true, int("²") fails
    "?year=١٢٣٤&page=²",  # int() reads Arabic-Indic digits
    "?year=" + "9" * 25 + "&page=" + "9" * 5000,
    "?year=%00&audience=%00&page=%00",
    "?q=" + "x" * 10_000,
]
# Values a visitor (or a scanner) may put in any parameter: non-ASCII digits, integers beyond any column,
# NUL, an overlong string, a negative and an exponent.
HOSTILE_VALUES = ["²", "١٢", "9" * 25, "\x00", "я" * 3000, "-1", "1e9"]
SWEEP_VALUES = ["²", "9" * 25, "\x00", "я" * 3000, "-1"]
PARAMETERS = [
    "page", "year", "audience", "q", "n", "t", "p", "k", "code", "answers", "version", "layout", "sector",
    "district", "level", "type", "category", "compare", "demand", "interest", "disability", "fmt",
]  # fmt: skip


@pytest.fixture
def pages(site_tree):
    home, home_en = site_tree
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events)
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news)
    return [home, events, news, home_en]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_public_pages_survive_odd_query_strings(client, pages, query):
    for page in pages:
        response = client.get(page.url + query)
        assert response.status_code == 200, (page.url, query)
    for url in ("/search/", "/en/search/", "/sitemap.xml", "/robots.txt", "/accessibility/"):
        assert client.get(url + query).status_code in (200, 400), (url, query)


def test_unknown_address_gives_the_designed_404_in_each_language(client, site_tree):
    response = client.get("/net-takoi-stranicy/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ru">' in html and "Страница не найдена" in html
    assert 'href="/search/"' in html  # a way onwards
    response = client.get("/en/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404 and '<html lang="en">' in html and "Page not found" in html


def test_odd_paths_are_404_not_500(client, site_tree):
    for path in ("/%D0/", "/..%2F..%2Fetc/passwd", "/" + "a" * 3000 + "/", "/events/%00/", "/en/%ff/"):
        assert client.get(path).status_code == 404, path


def test_over_long_search_query_is_cut_not_refused(client, site_tree):
    response = client.get("/search/", {"q": "сварщик " * 200})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


def test_server_error_page_is_self_contained(client):
    from portal.views import server_error

    response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Ошибка на сервере" in html and 'lang="en"' in html and "{%" not in html


@pytest.mark.parametrize(
    "cookies",
    [
        {"django_language": "xx-garbage"},
        {"django_language": "en\x00"},
        {"sessionid": "not-a-session"},
        # WSGI hands headers over as latin-1: this is what UTF-8 bytes in a cookie look like there.
        {"csrftoken": ("💥" * 50).encode().decode("latin-1")},
        {"sessionid": "a" * 4000, "django_language": ""},
    ],
)
def test_garbage_cookies_do_not_break_pages(client, pages, cookies):
    for name, value in cookies.items():
        client.cookies[name] = value
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        assert f'<html lang="{page.locale.language_code}">' in response.content.decode()


def test_the_events_year_filter_ignores_a_superscript_digit(client, site_tree):
    home, _ = site_tree
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Ярмарка профессий", start_date=datetime.date(2024, 4, 10))
    response = client.get(events.url, {"year": "²"})
    assert response.status_code == 200 and "Ярмарка профессий" in response.content.decode()  # no filter


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("name", ["offset", "limit"])
@pytest.mark.parametrize("value", ["9" * 20, "²", "-1", "1e3", "١"])
def test_api_paging_beyond_any_integer_is_a_400_with_a_message(client, site_tree, endpoint, name, value):
    response = client.get(f"/api/v2/{endpoint}/", {name: value})
    assert response.status_code == 400
    assert response.json() == {"message": f"{name} must be a whole number from 0 to 1000000000"}


def test_api_refuses_nul_characters_with_a_400(client, site_tree):
    for endpoint in ("pages", "images", "documents"):
        response = client.get(f"/api/v2/{endpoint}/", {"locale": "\x00"})  # a 500 on PostgreSQL before
        assert response.status_code == 400, endpoint
        assert response.json() == {"message": "query parameters cannot contain NUL characters"}


def test_api_paging_in_range_still_works(client, site_tree):
    listing = client.get("/api/v2/pages/", {"offset": "1", "limit": "1"}).json()
    assert listing["meta"]["total_count"] == 2 and len(listing["items"]) == 1


@pytest.mark.parametrize("name", ["offset", "limit", "child_of", "descendant_of", "id", "locale", "order", "fields"])
def test_api_parameters_survive_hostile_values(client, site_tree, name):
    for value in HOSTILE_VALUES:
        for endpoint in ("pages", "images", "documents"):
            response = client.get(f"/api/v2/{endpoint}/", {name: value})
            assert response.status_code < 500, (endpoint, name, value[:20])


def test_every_page_type_and_route_of_the_seeded_site_survives_hostile_parameters(client, seeded_site, db):
    """One page of each type the seed builds, and the routes that read parameters, with every parameter any
    of them reads set to each hostile value in turn: a normal page or a 4xx, never a 500. PDFs and archives are left
    out (slow, and they read no parameter)."""
    first_of_each_type = Page.objects.live().filter(depth__gt=1).values("content_type").annotate(first=Min("pk"))
    pages = Page.objects.filter(pk__in=[row["first"] for row in first_of_each_type]).specific()
    urls = {page.url for page in pages}
    for page in pages:
        routes = getattr(page, "get_subpage_urls", lambda: [])()
        for route in routes:
            name = getattr(route, "name", "")
            if "<" not in str(route.pattern) and name not in ("pdf", "booklet", "zip", "cards", "route_pdf"):
                urls.add(page.url + str(route.pattern))
    urls |= {"/search/", "/search/suggest/", "/en/search/", "/sitemap.xml", "/robots.txt", "/accessibility/"}
    assert len(urls) > 25
    for shift in range(len(SWEEP_VALUES)):  # each parameter gets each value once, beside the others
        query = {name: SWEEP_VALUES[(shift + n) % len(SWEEP_VALUES)] for n, name in enumerate(PARAMETERS)}
        for url in sorted(urls):
            response = client.get(url, query)
            assert response.status_code < 500, (url, shift, response.status_code)
