"""The organisation account request in Debian's Chromium: axe finds nothing on its pages (with errors shown too, in
every colour scheme), and a keyboard alone sends it. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from partners.models import Organisation
from partners.tests.conftest import PASSWORD, REGISTER, VALID_INN_12
from tests.account_request_pages import axe_problems_on_request_pages
from tests.test_accessibility import SCREENSHOTS

# Each test runs in a transaction of its own, on top of the seeded site (tests/conftest.py: site_server), so it
# neither needs a site of its own nor leaves the database emptied for the tests after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def show_errors(page, base):
    """The form sent with a wrong ИНН, a bad address and no consent: the page with its errors."""
    page.goto(base + REGISTER)
    page.fill("#id_inn", "1234567895")
    page.fill("#id_email", "not-an-address")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")


def test_axe_finds_nothing_on_the_request_pages(page, site):
    problems = axe_problems_on_request_pages(page, site, REGISTER, show_errors)
    assert not problems, "\n".join(problems)


def test_screenshots_of_the_request_form(page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + REGISTER)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing scrolls sideways
        page.screenshot(path=str(SCREENSHOTS / f"partner-request-{width}.png"), full_page=True)
        show_errors(page, site)
        page.screenshot(path=str(SCREENSHOTS / f"partner-request-errors-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})  # 400 % zoom
    page.goto(site + REGISTER)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_keyboard_alone_sends_the_request(page, site):
    page.goto(site + REGISTER)
    page.focus("#id_organisation")  # the first field; everything after is reached by Tab
    page.keyboard.press("Tab")
    values = {
        "id_new_name": "ООО «Клавиатура»",
        "id_inn": VALID_INN_12,
        "id_contact_name": "Петров Пётр Петрович",
        "id_contact_position": "Директор",
        "id_email": "keyboard@example.ru",
        "id_phone": "+7 4212 11-22-33",
        "id_password1": PASSWORD,
        "id_password2": PASSWORD,
    }
    for field_id, text in values.items():
        assert page.evaluate("document.activeElement.id") == field_id
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('type')") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Проверьте почту"
    assert Organisation.objects.get(email="keyboard@example.ru").name == "ООО «Клавиатура»"
