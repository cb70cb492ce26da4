"""The header in Debian's Chromium, on the seeded site: at 1280 px the logo, the menu button and the search box sit on
one row; the menu is a disclosure that opens with the keyboard with JavaScript off (details/summary) and, with it on,
closes on Escape with the focus back on its button; the header's search box suggests professions. Screenshots of the
open menu at 375 and 1280 px go to var/screenshots."""

import pytest

from tests.account_request_pages import assert_reflows_at_320, tab_until, violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
MENU_OPEN = "document.querySelector('.main-nav__disclosure').open"
MENU_LINKS = ".main-nav__list a"


def row_tops(page):
    """The top edge of the logo, the menu button and the search box, in pixels."""
    return page.evaluate(
        "['.site-header__brand', '.main-nav__button', '.site-search'].map("
        "s => Math.round(document.querySelector(s).getBoundingClientRect().top))"
    )


def test_the_header_is_one_row_at_1280_and_the_menu_opens_with_the_keyboard(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/")
    logo, button, search = row_tops(page)
    assert abs(button - search) <= 2 and button - logo < 20  # one row, whatever the number of sections
    assert not page.is_visible(MENU_LINKS)
    page.focus(".site-header__brand")
    tab_until(page, "document.activeElement.tagName", "SUMMARY")
    page.keyboard.press("Enter")
    assert page.evaluate(MENU_OPEN)
    links = page.locator(MENU_LINKS)
    assert links.count() >= 10 and page.is_visible("text=Атлас востребованных профессий Хабаровского края")
    problems = [format_violations("open menu", found)] if (found := violations(page)) else []
    assert not problems, "\n".join(problems)
    page.keyboard.press("Tab")  # into the menu: its first section
    assert page.evaluate("document.activeElement.closest('.main-nav__list') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate(MENU_OPEN)
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.click(".main-nav__button")
    page.click(".site-footer")  # a click outside closes it
    assert not page.evaluate(MENU_OPEN)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "/")
        page.click(".main-nav__button")
        page.screenshot(path=str(SCREENSHOTS / f"header-menu-{width}.png"))
    assert_reflows_at_320(page, site, ("/", "/sitemap/"))


def test_the_menu_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(site + "/")
    assert not page.is_visible(MENU_LINKS)
    page.focus(".main-nav__button")
    page.keyboard.press("Enter")
    assert page.is_visible(MENU_LINKS)
    with page.expect_navigation():
        page.click("text=Все страницы сайта")
    assert page.url == site + "/sitemap/"
    assert page.locator(".site-map__section").count() >= 10
    context.close()


def test_the_header_search_box_suggests_professions(page, site):
    page.goto(site + "/atlas/")
    page.fill("#site-search-q", "свар")
    page.wait_for_selector("#site-search-q-suggestions [role=option]")
    first = page.locator("#site-search-q-suggestions [role=option]").first.text_content()
    assert "вар" in first.lower()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/atlas/" in page.url and page.locator("h1").text_content().strip() == first.strip()


def test_the_visually_impaired_panel_folds_and_is_remembered(page, site):
    """Unfolded when switched on; folded with its «Настройки» button, it stays folded on the next page (the script
    posts the state), and it no longer pushes the site's name below the first screen at 320 px."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site + "/atlas/")
    with page.expect_navigation():
        page.click(".a11y-switch button")
    with page.expect_navigation():
        page.click("button[name=size][value='4']")
    settings = ".a11y-panel__settings"
    assert page.evaluate(f"document.querySelector('{settings}').open")
    with page.expect_response(lambda response: "/accessibility/settings/" in response.url):
        page.focus(f"{settings} > summary")
        page.keyboard.press("Enter")
    page.goto(site + "/atlas/")
    assert not page.evaluate(f"document.querySelector('{settings}').open")
    assert page.evaluate("document.querySelector('.site-header__brand').getBoundingClientRect().top") < 800
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    with page.expect_navigation():
        page.click("button[name=enabled][value='0']")
