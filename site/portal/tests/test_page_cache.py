"""The page cache (portal.page_cache): anonymous visitors get stored pages without SQL; every committed change to
what pages show makes them fresh; nothing personal is ever stored or served to another visitor."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
)
from portal.accessibility import COOKIE as A11Y_COOKIE
from portal.accessibility import Settings as A11ySettings
from portal.cache_settings import caches_for
from portal.models import Audience, PortalSettings
from portal.page_cache import HEADER
from portal.tests.helpers import not_cached, served_twice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs a change as if its transaction committed (the content version moves then)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def pages(site_tree):
    home, home_en = site_tree
    section = SectionPageFactory(parent=home, title="Школьникам", slug="shkolnikam", show_in_menus=True)
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=events, title="Ярмарка профессий")
    event.audiences.add(Audience.objects.get(slug="students"))
    event.save_revision().publish()
    return {
        "home": home,
        "home_en": home_en,
        "section": section,
        "content": ContentPageFactory(parent=section, title="Положение о конкурсе"),
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, title="Открыт приём заявок"),
        "events": events,
        "event": event,
    }


def fresh(url):
    """The page as a new anonymous visitor gets it, and whether it came from the cache."""
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), response.get(HEADER)


@pytest.mark.parametrize("name", ["home", "home_en", "section", "content", "news_index", "news", "events", "event"])
def test_a_second_anonymous_request_is_a_hit_without_sql(client, pages, name):
    served_twice(client, pages[name].url)


@pytest.mark.parametrize("url", ["/search/", "/accessibility/", "/en/search/"])
def test_pages_of_the_shell_are_cached_too(client, site_tree, url):
    served_twice(client, url)


def test_a_head_request_is_answered_from_the_stored_page(client, pages):
    client.get(pages["news"].url)
    with CaptureQueriesContext(connection) as queries:
        response = client.head(pages["news"].url)
    assert response[HEADER] == "hit" and len(queries) == 0


def test_a_hit_carries_the_headers_of_a_fresh_page(client, pages):
    miss = client.get(pages["home"].url)
    hit = client.get(pages["home"].url)
    assert hit[HEADER] == "hit"
    assert {k: v for k, v in hit.items() if k != HEADER} == {k: v for k, v in miss.items() if k != HEADER}
    assert "default-src 'self'" in hit["Content-Security-Policy"] and "nonce" not in hit["Content-Security-Policy"]
    assert hit["Permissions-Policy"] and hit["X-Frame-Options"] and hit["Content-Language"] == "ru"
    assert set(hit["Cache-Control"].split(", ")) == {"public", "max-age=120"}
    # The language comes from the path: a CDN must not keep a copy per browser language, only per cookie.
    assert hit["Vary"] == "Cookie"


def test_publishing_a_page_refreshes_the_home_page_its_listing_and_itself(client, pages, committed):
    served_twice(client, pages["home"].url)
    served_twice(client, pages["news_index"].url)
    with committed():
        news = NewsPageFactory(parent=pages["news_index"], title="Итоги олимпиады")
    for url in (pages["home"].url, pages["news_index"].url):
        html, source = fresh(url)
        assert source == "miss" and "Итоги олимпиады" in html
    served_twice(client, news.url)
    news.title = "Итоги краевой олимпиады"
    with committed():
        news.save_revision().publish()
    html, source = fresh(news.url)
    assert source == "miss" and "Итоги краевой олимпиады" in html


def test_a_draft_leaves_the_stored_page_alone(client, pages, committed):
    served_twice(client, pages["news"].url)
    news = pages["news"]
    news.title = "Черновик заголовка"
    with committed():
        news.save_revision()
    html, source = fresh(news.url)
    assert source == "hit" and "Черновик заголовка" not in html


def test_unpublishing_a_page_removes_it_from_listings_and_its_address(client, pages, committed):
    served_twice(client, pages["news_index"].url)
    served_twice(client, pages["news"].url)
    with committed():
        pages["news"].unpublish()
    html, source = fresh(pages["news_index"].url)
    assert source == "miss" and "Открыт приём заявок" not in html
    assert Client().get(pages["news"].url).status_code == 404


def test_moving_a_page_refreshes_both_sections_and_the_old_address(client, pages, committed):
    other = SectionPageFactory(parent=pages["home"], title="Родителям", slug="roditelyam")
    content = pages["content"]
    old_url = content.url
    served_twice(client, old_url)
    served_twice(client, pages["section"].url)
    served_twice(client, other.url)
    with committed():
        content.move(other, pos="last-child")
    moved = Client().get(old_url)  # Wagtail's automatic redirect, not the stored page
    assert moved.status_code == 301 and moved["Location"] == f"{other.url}{content.slug}/"
    html, _ = fresh(pages["section"].url)
    assert "Положение о конкурсе" not in html
    html, _ = fresh(other.url)
    assert "Положение о конкурсе" in html


def test_deleting_a_page_refreshes_the_menu_of_every_page(client, pages, committed):
    served_twice(client, pages["news"].url)
    assert "Школьникам" in client.get(pages["news"].url).content.decode()  # the section is in the main menu
    with committed():
        Page.objects.get(pk=pages["section"].pk).delete()
    html, source = fresh(pages["news"].url)
    assert source == "miss" and "Школьникам" not in html


def test_site_settings_refresh_every_page(client, pages, committed):
    served_twice(client, pages["event"].url)
    contacts = PortalSettings.for_site(pages["home"].get_site())
    contacts.organisation_ru = "Министерство образования и науки Хабаровского края"
    with committed():
        contacts.save()
    html, source = fresh(pages["event"].url)
    assert source == "miss" and "Министерство образования и науки Хабаровского края" in html


def test_a_snippet_a_page_shows_refreshes_it(client, pages, committed):
    served_twice(client, pages["event"].url)
    students = Audience.objects.get(slug="students")
    students.name = "Учащиеся школ"
    with committed():
        students.save()
    html, source = fresh(pages["event"].url)
    assert source == "miss" and "Учащиеся школ" in html


def test_a_change_rolled_back_or_not_yet_committed_is_not_seen_as_new(client, pages):
    served_twice(client, pages["home"].url)
    NewsPageFactory(parent=pages["news_index"], title="Не сохранено")  # the test's transaction never commits
    html, source = fresh(pages["home"].url)
    assert source == "hit" and "Не сохранено" not in html


# -- never cached --------------------------------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="x", is_staff=True)


def test_a_signed_in_visitor_is_never_served_nor_fills_the_cache(client, pages, editor):
    url = pages["home"].url
    client.get(url)  # stored by an anonymous visitor
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = not_cached(client, url)
    assert len(queries) > 0  # built for them
    assert response["Cache-Control"] == "private, no-cache"
    # What they were shown did not replace the anonymous page either.
    assert fresh(url)[1] == "hit"


def test_a_session_without_a_user_still_bypasses_the_cache(client, pages):
    # A restricted page's password lives in the session, as would anything else the portal ever keeps there.
    client.cookies["sessionid"] = "whatever"
    not_cached(client, pages["home"].url)


def test_search_with_a_query_and_other_query_strings_are_not_cached(client, pages):
    response = not_cached(client, "/search/?q=ярмарка")
    assert response["Cache-Control"] == "private, no-cache"
    not_cached(client, pages["events"].url + "?year=2024")
    not_cached(client, pages["home"].url + "?utm_source=vk")


def test_the_sign_in_form_is_not_cached(client, site_tree):
    # Its CSRF token is the visitor's own (career/tests/test_page_cache.py has a form whose cookie is not set anew).
    response = not_cached(client, "/_util/login/")
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()


def test_a_private_page_is_never_stored(client, pages):
    secret = ContentPageFactory(parent=pages["section"], title="Для членов жюри")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="password", password="жюри")
    assert 'name="password"' in not_cached(client, secret.url).content.decode()
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
        {"password": "жюри", "return_url": secret.url},
    )
    assert response.status_code == 302
    opened = not_cached(client, secret.url)  # with the session that holds the password
    assert 'name="password"' not in opened.content.decode()
    assert 'name="password"' in Client().get(secret.url).content.decode()  # anyone else is still asked


def test_errors_the_admin_and_documents_are_not_cached(client, site_tree):
    response = not_cached(client, "/net-takoi-stranicy/")
    assert response.status_code == 404
    not_cached(client, "/admin/login/")


# -- the version for the visually impaired -------------------------------------------------------------------------


def test_visually_impaired_and_plain_visitors_never_get_each_others_page(pages):
    url = pages["news"].url
    plain, impaired = Client(), Client()
    impaired.cookies[A11Y_COOKIE] = A11ySettings().change("scheme", "wb").to_cookie()
    plain_html = served_twice(plain, url).content.decode()
    impaired_html = served_twice(impaired, url).content.decode()  # its first request missed: not the plain page
    assert "a11y-scheme-wb" in impaired_html and "a11y-scheme-wb" not in plain_html
    assert plain.get(url).content.decode() == plain_html
    other_scheme = Client()
    other_scheme.cookies[A11Y_COOKIE] = A11ySettings().change("scheme", "blue").to_cookie()
    html = other_scheme.get(url).content.decode()
    assert "a11y-scheme-blue" in html and "a11y-scheme-wb" not in html


def test_the_standard_version_is_one_page_whatever_the_cookie_remembers(pages):
    url = pages["news"].url
    served_twice(Client(), url)
    switched_off = Client()
    switched_off.cookies[A11Y_COOKIE] = A11ySettings().change("scheme", "wb").change("enabled", "0").to_cookie()
    assert switched_off.get(url)[HEADER] == "hit"  # its choices are kept for next time, the page is the plain one


def test_a_garbage_accessibility_cookie_is_replaced_not_served_from_the_cache(pages):
    url = pages["news"].url
    served_twice(Client(), url)
    broken = Client()
    broken.cookies[A11Y_COOKIE] = "on=1&scheme=<script>"
    response = broken.get(url)
    assert HEADER not in response and A11ySettings.from_cookie(response.cookies[A11Y_COOKIE].value) == A11ySettings()


def test_the_panel_works_without_a_csrf_token(pages):
    # The panel is on every page: with a token in it no page could be cached.
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(pages["news"].url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    response = visitor.post("/accessibility/settings/", {"enabled": "1", "next": pages["news"].url})
    assert response.status_code == 302 and A11ySettings.from_cookie(response.cookies[A11Y_COOKIE].value).enabled


# -- the caches of the tiers ---------------------------------------------------------------------------------------


def test_the_embedded_tier_keeps_pages_in_files_every_worker_shares(tmp_path):
    pages = caches_for("", tmp_path)["pages"]
    assert pages["BACKEND"] == "portal.machine_cache.MachineCache"
    assert pages["LOCATION"] == str(tmp_path / "pages")  # beside the shared cache's files, not among them


def test_the_embedded_tiers_file_caches_stay_open_when_a_request_ends(tmp_path):
    """Django closes every cache after each request; reopening diskcache's SQLite files each time cost more than
    a page-cache hit. The connections stay (one per thread, so no two requests share one at once)."""
    from django.core.signals import request_finished
    from django.test.utils import override_settings

    settings = caches_for("", tmp_path)
    with override_settings(CACHES=settings):
        from django.core.cache import caches

        pages = caches["pages"]
        pages.set("page", "<html>")
        shards = pages._cache._shards
        before = [shard._local.con for shard in shards if hasattr(shard._local, "con")]
        assert before
        request_finished.send(sender=None)  # what Django does at the end of a request: close_caches()
        after = [shard._local.con for shard in shards if hasattr(shard._local, "con")]
        assert after == before and pages.get("page") == "<html>"


def test_the_embedded_tiers_local_cache_holds_a_route_for_every_card(tmp_path):
    assert caches_for("", tmp_path)["default"]["OPTIONS"]["MAX_ENTRIES"] >= 10_000  # Django's default is 300


def test_the_scaled_tier_keeps_pages_in_the_shared_redis():
    tiers = caches_for("redis://cache.internal:6379/2", "")
    assert tiers["pages"] == tiers["shared"]
    assert tiers["pages"]["BACKEND"] == "django_redis.cache.RedisCache"


def test_the_cache_can_be_turned_off(client, pages, settings):
    settings.PAGE_CACHE_SECONDS = 0
    not_cached(client, pages["home"].url)
