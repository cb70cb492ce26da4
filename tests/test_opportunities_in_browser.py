"""The public pages of opportunities in Debian's Chromium: axe finds nothing on the list (with a filter error too),
an opportunity's page and a profession card with the block, in the standard version and in every colour scheme;
nothing scrolls sideways at 320 px. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from opportunities.models import Opportunity, OpportunityIndexPage
from tests.test_accessibility import SCHEMES, SCREENSHOTS, format_violations
from tests.test_accessibility import axe_violations as violations

# Each test runs in a transaction of its own, on top of the seeded site and its demonstration opportunities
# (tests/conftest.py: site_server), so it leaves the database as it found it for the tests after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def pages(site_server, django_db_blocker):
    with django_db_blocker.unblock():
        index_page = OpportunityIndexPage.objects.live().filter(depth__gt=2).order_by("depth", "pk").first()
        listed = Opportunity.objects.listed().order_by("pk")
        trial = next(item for item in listed if item.professions.exists())
        card = trial.professions.first()
        return {
            "list": index_page.url,
            "list with an error": index_page.url + "?district=nowhere&date_from=31.02.2026",
            "opportunity": f"{index_page.url}{trial.pk}/",
            "card": card.url,
            "base": site_server.url,
        }


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
