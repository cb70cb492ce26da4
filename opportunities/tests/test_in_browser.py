"""The public pages of opportunities in Debian's Chromium: axe finds nothing on the list (with a filter error too),
an opportunity's page and a profession card with the block, in the standard version and in every colour scheme;
nothing scrolls sideways at 320 px. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Collection, Locale, Page

from home.factories import make_site_tree
from tests.test_accessibility import AXE_TAGS, SCHEMES, SCREENSHOTS, format_violations

from .conftest import make_opportunity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_tree(live_server):
    if (
        Page.get_first_root_node() is None
    ):  # an earlier transactional test emptied the database (its migrations' rows too)
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get_or_create(language_code="ru")[0])
        )
    if Collection.get_first_root_node() is None:  # the organisations' image collections go under it
        Collection.add_root(name="Root")
    return make_site_tree()


@pytest.fixture
def pages(live_server, atlas_cards, make_organisation, index_page):
    shipyard = make_organisation("ООО «Амурская верфь»")
    trial = make_opportunity(
        shipyard,
        kind="trial",
        title="Профпроба «Сварщик на один день»",
        district=atlas_cards["amur"],
        professions=[atlas_cards["welder"]],
        access=["hearing", "musculoskeletal"],
        slots=[(3, 12), (10, 12)],
        what_to_bring="Закрытую обувь",
    )
    make_opportunity(
        shipyard, title="Экскурсия на верфь", district=atlas_cards["amur"], professions=[atlas_cards["welder"]]
    )
    return {
        "list": index_page.url,
        "list with an error": index_page.url + "?district=nowhere&date_from=31.02.2026",
        "opportunity": f"{index_page.url}{trial.pk}/",
        "card": atlas_cards["welder"].url,
        "base": live_server.url,
    }


def violations(page):
    return Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]


def test_axe_finds_nothing_on_the_opportunities_pages(page, pages):
    from portal.accessibility import COOKIE, Settings

    base = pages.pop("base")
    problems = []
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": base}])
        for name, url in pages.items():
            page.goto(base + url)
            if found := violations(page):
                problems.append(format_violations(f"{name} {url} [{scheme}]", found))
    assert not problems, "\n".join(problems)


def test_nothing_scrolls_sideways_and_screenshots(page, pages):
    base = pages.pop("base")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (320, 375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in pages.items():
            page.goto(base + url)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
            if width != 320:
                page.screenshot(
                    path=str(SCREENSHOTS / f"opportunities-{name.replace(' ', '-')}-{width}.png"), full_page=True
                )
