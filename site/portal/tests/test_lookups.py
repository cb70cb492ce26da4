"""The cached per-request look-ups (portal.lookups): the menu, breadcrumbs, language links, site settings, the
request's site and page, the private sections. Each is served from the cache until a committed change moves the
content version, and the next request after a change shows it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.factories import ContentPageFactory, SectionPageFactory
from portal.models import PortalSettings


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if it committed (the content version moves once it commits)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def section(site_tree, committed):
    home, _ = site_tree
    return committed(lambda: SectionPageFactory(parent=home, title="Профессии края", show_in_menus=True))


def menu(html):
    return html.split('class="main-nav"')[1].split("</nav>")[0]


def test_the_menu_shows_a_page_published_into_it_on_the_next_request(client, site_tree, section, committed):
    home, _ = site_tree
    assert "Профессии края" in menu(client.get(home.url).content.decode())

    def publish():
        page = SectionPageFactory(parent=home, title="Абитуриентам", show_in_menus=True, live=False)
        page.save_revision().publish()

    committed(publish)
    html = menu(client.get(home.url).content.decode())
    assert "Абитуриентам" in html and "Профессии края" in html


def test_a_renamed_page_shows_its_new_title_in_the_menu_and_the_breadcrumbs(client, section, committed):
    content = committed(lambda: ContentPageFactory(parent=section, title="Паспорт проекта"))
    html = client.get(content.url).content.decode()
    assert "Профессии края" in menu(html) and "Профессии края" in html.split('class="breadcrumbs')[1]

    def rename():
        section.title = "Профессии Хабаровского края"
        section.save_revision().publish()

    committed(rename)
    html = client.get(content.url).content.decode()
    assert "Профессии Хабаровского края" in menu(html)
    assert "Профессии Хабаровского края" in html.split('class="breadcrumbs')[1]


def test_edited_site_settings_show_in_the_footer_on_the_next_request(client, site_tree, committed):
    home, _ = site_tree
    settings = committed(lambda: PortalSettings.objects.create(site=Site.objects.get(), phone="+7 4212 00-00-00"))
    assert "+7 4212 00-00-00" in client.get(home.url).content.decode()

    def edit():
        settings.phone = "+7 4212 11-11-11"
        settings.save()

    committed(edit)
    html = client.get(home.url).content.decode()
    assert "+7 4212 11-11-11" in html and "00-00-00" not in html


def test_the_cached_route_follows_unpublishing_and_a_changed_slug(client, section, committed):
    content = committed(lambda: ContentPageFactory(parent=section, title="Паспорт проекта", slug="pasport"))
    old_url = content.url
    assert client.get(old_url).status_code == 200

    committed(lambda: content.unpublish())
    assert client.get(old_url).status_code == 404

    def republish_elsewhere():
        content.slug = "pasport-proekta"
        content.save_revision().publish()

    committed(republish_elsewhere)
    moved = client.get(old_url)  # Wagtail's redirects app sends the old address to the new one
    assert moved.status_code == 301 and moved["Location"].endswith(section.url + "pasport-proekta/")
    assert "Паспорт проекта" in client.get(section.url + "pasport-proekta/").content.decode()


def test_a_new_view_restriction_applies_on_the_next_request(client, section, committed):
    content = committed(lambda: ContentPageFactory(parent=section, title="Паспорт проекта", body=[]))
    assert client.get(content.url).status_code == 200
    assert "Профессии края" in menu(client.get(content.url).content.decode())

    committed(lambda: PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN))
    response = client.get(content.url)
    assert response.status_code == 302 and "login" in response["Location"]  # Wagtail asks the visitor to sign in
    assert "Профессии края" not in menu(client.get("/").content.decode())  # private: out of the public menu


def test_a_warm_page_reads_no_site_settings_site_or_menu_from_the_database(client, section):
    client.get(section.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(section.url).status_code == 200
    tables = " ".join(query["sql"] for query in queries)
    for table in ("portal_portalsettings", "wagtailcore_site", "wagtailcore_pageviewrestriction", "wagtailcore_locale"):
        assert table not in tables
