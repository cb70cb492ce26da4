"""Unknown addresses, malformed parameters and odd encodings never give a 500."""

import pytest

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
]


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
