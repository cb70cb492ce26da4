"""The pictures in Debian's Chromium, on the seeded site: axe finds nothing on the home page with its hero, the
atlas's list cards, a profession card and a sector page with their illustrations, in the standard version and in
every colour scheme; they reflow at 320 px; the pictures load (an SVG rendition the browser can draw); the pattern
page for editors passes axe too. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PAGES = {"home": "/", "atlas": "/atlas/", "card": "/atlas/aviatekhnik/", "sector": "/atlas/otrasli/aviastroenie/"}


def test_axe_finds_nothing_on_the_pictured_pages_in_any_scheme_and_they_reflow(page, site):
    problems = axe_problems_in_every_scheme(page, site, list(PAGES.values()))
    assert not problems, "\n".join(problems)
    assert_reflows_at_320(page, site, list(PAGES.values()))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in PAGES.items():
            page.goto(site + url)
            page.screenshot(path=str(SCREENSHOTS / f"identity-{name}-{width}.png"))


def test_the_pictures_load_and_the_card_shows_its_sectors_drawing(page, site, django_db_blocker):
    from atlas.models import ProfessionPage

    with django_db_blocker.unblock():
        card = ProfessionPage.objects.get(url_path__endswith="/atlas/aviatekhnik/")
        assert card.image_id is None
        drawing = card.sector.illustration.alt  # «Авиатехник» is in «Транспорт и логистика»: a locomotive
    page.goto(site + PAGES["card"])
    picture = page.locator("figure.illustration img")
    assert picture.get_attribute("alt") == drawing == "Рисунок: локомотив с вагонами на рельсах"
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(site + PAGES["atlas"])
    cards = page.locator("img.card__picture")
    assert cards.count() == 24
    cards.first.scroll_into_view_if_needed()  # lazy: loaded when it comes near the viewport
    page.wait_for_function("() => document.querySelector('img.card__picture').naturalWidth > 0")
    page.goto(site + PAGES["home"])
    hero = page.locator(".hero__picture img")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")


def test_axe_finds_nothing_on_the_pattern_page(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser("patterns", "patterns@example.org", "Длинный-пароль-42")
    page.goto(site + "/admin/login/?next=/admin/patterns/")
    page.fill("input[name=username]", "patterns")
    page.fill("input[name=password]", "Длинный-пароль-42")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/patterns/")
    assert page.locator("#filters .filters__errors li").count() == 1  # the error, listed above the fields
    found = violations(page)
    assert not found, format_violations("/admin/patterns/", found)
