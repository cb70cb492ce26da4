"""The teacher's account request in Debian's Chromium: axe finds nothing on its pages (with errors shown too, in every
colour scheme), and a keyboard alone sends it. Screenshots at 375 px go to var/screenshots."""

import pytest

from teachers.models import TeacherRequest
from teachers.tests.conftest import PASSWORD, REGISTER
from tests.account_request_pages import axe_problems_on_request_pages
from tests.test_accessibility import SCREENSHOTS

# Each test runs in a transaction of its own, on top of the seeded site (tests/conftest.py: site_server).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def show_errors(page, base):
    """The form sent with a bad address, no district and no consent: the page with its errors."""
    page.goto(base + REGISTER)
    page.fill("#id_email", "not-an-address")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")


def test_axe_finds_nothing_on_the_request_pages(page, site):
    problems = axe_problems_on_request_pages(page, site, REGISTER, show_errors)
    assert not problems, "\n".join(problems)


def test_the_form_reflows_at_320_px(page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(site + REGISTER)
    page.screenshot(path=str(SCREENSHOTS / "teacher-request-375.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})  # 400 % zoom
    page.goto(site + REGISTER)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_keyboard_alone_sends_the_request(page, site):
    page.goto(site + REGISTER)
    page.focus("#id_full_name")  # the first field; everything after is reached by Tab
    for field_id, keys in [
        ("id_full_name", "Клавишина Ольга Павловна"),
        ("id_position", "учитель информатики"),
        ("id_email", "keyboard-teacher@example.ru"),
        ("id_school", "МБОУ СОШ № 3"),
        ("id_district", None),
        ("id_password1", PASSWORD),
        ("id_password2", PASSWORD),
    ]:
        assert page.evaluate("document.activeElement.id") == field_id
        if keys is None:
            page.keyboard.press("ArrowDown")  # the first district of the list
        else:
            page.keyboard.type(keys)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('type')") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Проверьте почту"
    teacher = TeacherRequest.objects.get(email="keyboard-teacher@example.ru")
    assert teacher.school == "МБОУ СОШ № 3" and teacher.district is not None
