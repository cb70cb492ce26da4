"""The visual identity on the demo site: the home page's hero, every sector's illustration, a picture on every
profession card, and the pattern page for editors (/admin/patterns/)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from atlas.models import AtlasIndexPage, ProfessionPage, Sector
from home.models import HomePage
from home.roles import EDITORS
from portal.illustrations import illustration_list

CREDIT = "Рисунок: проект «Учись и работай в Хабаровском крае», CC BY 4.0"
HERO_ALT = "Рисунок: город и школа на берегу Амура, мост и стрелка, идущая вверх"


@pytest.fixture
def seeded(seeded_site, db):
    """The site load_seed built (conftest.py: seeded_site), shared with the other tests on it."""


@pytest.fixture
def editor(seeded):
    user = get_user_model().objects.create_user("redaktor", password="x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_the_home_page_shows_its_hero_with_written_alt_text(seeded, client):
    home = HomePage.objects.get(locale__language_code="ru", depth=2)
    assert home.hero.alt == HERO_ALT and home.hero.credit == CREDIT
    html = client.get(home.url).content.decode()
    hero = re.search(r'<figure class="figure illustration hero__picture">(.*?)</figure>', html, re.S).group(1)
    assert f'alt="{HERO_ALT}"' in hero
    assert ".svg" in hero and CREDIT in hero
    assert HomePage.objects.get(locale__language_code="en", depth=2).hero_id == home.hero_id


def test_every_seeded_sector_has_its_illustration_and_every_card_a_picture(seeded, client):
    alts = {meta["sector"]: meta["description"] for meta in illustration_list() if meta.get("sector")}
    sectors = Sector.objects.filter(locale__language_code="ru").select_related("illustration")
    assert {sector.name: sector.illustration.alt for sector in sectors} == alts
    cards = ProfessionPage.objects.live().filter(locale__language_code="ru").select_related("sector", "image")
    assert cards.count() >= 60
    assert [card.title for card in cards if card.picture is None] == []
    card = cards.filter(sector__name="Строительство").first()
    html = client.get(card.url).content.decode()
    assert 'alt="Рисунок: башенный кран над каркасом строящегося дома"' in html


def test_the_atlas_list_shows_a_decorative_picture_on_every_card(seeded, client):
    atlas = AtlasIndexPage.objects.get(locale__language_code="ru")
    html = client.get(atlas.url).content.decode()
    pictures = re.findall(r'<img [^>]*class="card__picture"[^>]*>', html)
    assert len(pictures) == 24  # a full first page
    assert all('alt=""' in tag for tag in pictures)


def test_the_pattern_page_shows_each_component_to_an_editor(editor, client):
    client.force_login(editor)
    response = client.get("/admin/patterns/")
    assert response.status_code == 200
    html = response.content.decode()
    for section in (
        "colours",
        "type",
        "buttons",
        "badges",
        "alerts",
        "cards",
        "filters",
        "pagination",
        "tables",
        "icons",
        "illustrations",
    ):
        assert f'<section id="{section}"' in html, section
    # Drawn by the site's own includes and stylesheet:
    assert "/static/portal/css/site.css" in html or "site.css" in html
    filters = re.search(r'<section id="filters".*?</section>', html, re.S).group(0)
    assert '<button type="submit">' in filters  # portal/includes/filter_fields.html
    assert "filters__errors" in filters and 'role="alert"' in filters  # the errors, above the fields
    assert 'href="#id_salary_from"' in filters  # the error links to its field
    pagination = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0)  # portal/includes/pagination
    assert re.search(r'<span aria-current="page">\D*3\D+6</span>', pagination)
    assert 'href="?page=2"' in pagination and 'href="?page=4"' in pagination
    assert 'class="badge"' in html and 'class="demo-mark"' in html
    assert "callout--important" in html and "callout--success" in html
    assert html.count('<li class="card">') >= 2 + 22  # two profession cards, 22 illustrations
    assert 'class="card__picture"' in html
    for ratio in (r"17[.,]4:1", r"8[.,]4:1", r"7[.,]76:1"):  # the contrast table's numbers, in the locale's format
        assert re.search(ratio, html), ratio
    assert "wagtail-userbar" not in html  # the page shows what visitors see
    for meta in illustration_list():
        assert f'alt="{meta["description"]}"' in html
    assert "/static/portal/logo.svg" in html


def test_the_pattern_page_is_in_the_help_menu_and_refused_to_anonymous_visitors(editor, client):
    response = client.get("/admin/patterns/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(editor)
    assert '"/admin/patterns/"' in client.get("/admin/").content.decode()  # the sidebar's menu (JSON)


def test_a_signed_in_visitor_without_admin_access_is_refused_too(seeded, client):
    visitor = get_user_model().objects.create_user("uchenik", password="x")
    client.force_login(visitor)
    response = client.get("/admin/patterns/")
    assert response.status_code in (302, 403)
    assert "Образцы оформления" not in response.content.decode()
