"""The site map for people, the favicon and the web app manifest."""

import json

import pytest
from django.core.cache import caches

from home.factories import ContentPageFactory, SectionPageFactory
from portal.tests.helpers import assert_few_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(site_tree, django_capture_on_commit_callbacks):
    home, home_en = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        atlas = SectionPageFactory(parent=home, title="Атлас профессий", slug="atlas", show_in_menus=True)
        about = SectionPageFactory(parent=home, title="О проекте", slug="o-proekte")
        ContentPageFactory(parent=about, title="Паспорт проекта", slug="pasport")
        hidden = ContentPageFactory(parent=about, title="Черновик", slug="chernovik", live=False)
        deep = ContentPageFactory(
            parent=ContentPageFactory(parent=about, title="Документы", slug="doc"), title="Глубоко"
        )
        SectionPageFactory(parent=home_en, title="About", slug="about")
    return {"atlas": atlas, "about": about, "hidden": hidden, "deep": deep}


def test_the_site_map_lists_the_sections_and_their_pages_of_the_visitors_language(client, sections):
    html = client.get("/sitemap/").content.decode()
    body = html.split('class="site-map"')[1]
    assert '<a class="site-map__section" href="/atlas/">Атлас профессий</a>' in body
    about = body.split("О проекте")[1]
    assert '<a href="/o-proekte/pasport/">Паспорт проекта</a>' in about
    assert "Черновик" not in body  # not live
    assert "Глубоко" not in body  # two levels deep only
    assert "About" not in body
    english = client.get("/en/sitemap/").content.decode().split('class="site-map"')[1]
    assert '<a class="site-map__section" href="/en/about/">About</a>' in english and "Атлас" not in english


def test_the_footer_leads_people_to_the_site_map_and_the_menu_to_every_section(client, sections):
    html = client.get("/").content.decode()
    assert '<a href="/sitemap/">' in html.split('class="site-footer"')[1]
    menu = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert "<summary" in menu and "Атлас профессий" in menu and '<a href="/sitemap/">' in menu


def test_the_site_map_costs_the_same_queries_however_many_pages(client, sections, django_capture_on_commit_callbacks):
    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(6):
                ContentPageFactory(parent=sections["about"], title=f"Страница {number}", slug=f"stranica-{number}")
        caches["default"].clear()

    assert_few_constant_queries(client, ["/sitemap/"], grow)
    assert "Страница 5" in client.get("/sitemap/").content.decode()


def test_favicon_and_manifest(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".ico")
    assert response["Location"].startswith("/static/portal/icons/favicon")
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["start_url"] == "/" and manifest["lang"] == "ru"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    english = json.loads(client.get("/en/manifest.webmanifest").content)
    assert english["start_url"] == "/en/" and english["name"] == "Learn and Work in Khabarovsk Krai"
    assert client.post("/sitemap/").status_code == 405
