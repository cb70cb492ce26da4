"""The catalogue of additional education in Debian's Chromium, on the seeded site: axe finds nothing on it (plain,
filtered, with a bad filter, in English) in every colour scheme; it reflows at 320 px; a parent chooses a district and
an age with the keyboard alone and reaches a programme's link to the navigator. Screenshots at 375 and 1280 px go to
var/screenshots."""

import pytest

from extracurricular.models import ExtracurricularCatalogPage
from extracurricular.models.programmes import NAVIGATOR_URL
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, tab_until
from tests.test_accessibility import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
CATALOGUE = "/dopolnitelnoe-obrazovanie/"
FOCUSED_HREF = "(document.activeElement.getAttribute('href') || '')"


def english_url(django_db_blocker):
    with django_db_blocker.unblock():
        page = ExtracurricularCatalogPage.objects.get(locale__language_code="ru")
        return page.get_translation(page.locale.__class__.objects.get(language_code="en")).url


def test_axe_finds_nothing_on_the_catalogue_in_any_scheme_and_it_reflows(page, site, django_db_blocker):
    english = english_url(django_db_blocker)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + CATALOGUE)
        page.screenshot(path=str(SCREENSHOTS / f"extracurricular-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    urls = (CATALOGUE, CATALOGUE + "?age=11-13&cost=free", CATALOGUE + "?district=nowhere&page=abc", english)
    problems = axe_problems_in_every_scheme(page, site, urls)
    assert_reflows_at_320(page, site, (CATALOGUE, CATALOGUE + "?age=11-13&cost=free"))
    assert not problems, "\n".join(problems)


def test_a_parent_chooses_a_district_and_an_age_with_the_keyboard_and_reaches_the_navigator(page, site):
    page.goto(site + CATALOGUE)
    page.focus("h1")
    tab_until(page, "document.activeElement.id", "id_district")
    page.keyboard.press("ArrowDown")  # the first district after «Any», in alphabetical order: Amursky
    district = page.evaluate("document.querySelector('#id_district').selectedOptions[0].textContent")
    assert district == "Амурский муниципальный район"
    tab_until(page, "document.activeElement.type", "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "district=" in page.url
    # The age facet's link, among the facets beside the results (the choice of the district kept in it).
    tab_until(page, f"{FOCUSED_HREF}.includes('age=8-10') && {FOCUSED_HREF}.includes('district=')", True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "age=8-10" in page.url and "district=" in page.url
    cards = page.locator(".programme-card")
    assert cards.count() >= 1
    assert all(district in cards.nth(n).inner_text() for n in range(cards.count()))
    # Past the navigator's link above the results, to the first programme's.
    in_card = "document.activeElement.closest('.programme-card') !== null"
    tab_until(page, f"{in_card} && document.activeElement.classList.contains('external-link')", True)
    link = page.evaluate(
        "[document.activeElement.href, document.activeElement.target, document.activeElement.textContent]"
    )
    assert link[0] == NAVIGATOR_URL and link[1] == "_blank" and "откроется в новой вкладке" in link[2]
