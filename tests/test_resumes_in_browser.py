"""The students' accounts in Debian's Chromium: axe finds nothing on the registration pages (with errors too, in every
colour scheme), on the cabinet in each of its states and on the privacy page; the form reflows at 320 px; a keyboard
alone opens an account. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from portal.accessibility import COOKIE, Settings
from resumes import accounts
from resumes.models import StudentAccount
from resumes.tests.conftest import CABINET, PASSWORD, REGISTER
from tests.account_request_pages import axe_problems_on_request_pages, violations
from tests.test_accessibility import SCHEMES, SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def show_errors(page, base):
    """The form sent with a bad address, no date of birth and no consent."""
    page.goto(base + REGISTER)
    page.fill("#id_email", "not-an-address")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")


def test_axe_finds_nothing_on_the_registration_pages(page, site):
    problems = axe_problems_on_request_pages(page, site, REGISTER, show_errors)
    assert not problems, "\n".join(problems)


def test_the_form_reflows_at_320_px(page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(site + REGISTER)
    page.screenshot(path=str(SCREENSHOTS / "student-register-375.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})
    for url in (REGISTER, "/privacy/"):
        page.goto(site + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url


def test_a_keyboard_alone_opens_an_account(page, site):
    page.goto(site + REGISTER)
    page.focus("#id_full_name")
    for field_id, keys in [
        ("id_full_name", "Клавишин Олег Павлович"),
        ("id_birth_date", "05.03.2007"),
        ("id_occupation", None),
        ("id_email", "keyboard-student@example.ru"),
        ("id_password1", PASSWORD),
        ("id_password2", PASSWORD),
    ]:
        assert page.evaluate("document.activeElement.id") == field_id
        if keys is None:
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(keys)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Проверьте почту"
    student = StudentAccount.objects.get(email="keyboard-student@example.ru")
    assert student.birth_date.isoformat() == "2007-03-05" and student.consents.count() == 1


def test_axe_finds_nothing_on_the_cabinet_and_the_privacy_page(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("kabinet@example.ru", "kabinet@example.ru", PASSWORD)
        student = StudentAccount.objects.create(
            full_name="Кабинетова Анна",
            birth_date="2006-01-02",
            occupation="graduate",
            email=user.email,
            account=user,
            consent_at="2026-11-30T10:00:00+10:00",
            language="ru",
        )
        accounts.give_consent(student)
    page.goto(site + "/_util/login/?next=" + CABINET)
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    problems = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + CABINET)
        page.screenshot(path=str(SCREENSHOTS / f"student-cabinet-{width}.png"), full_page=True)
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])
        for url in (CABINET, "/privacy/", "/en/privacy/"):
            page.goto(site + url)
            if found := violations(page):
                problems.append(format_violations(f"{url} [{scheme}]", found))
    page.context.clear_cookies(name=COOKIE)
    page.goto(site + CABINET)
    for state, button in (("withdrawn", "withdraw"), ("delete refused", "delete")):
        with page.expect_navigation():
            page.click(f"form:has(input[value={button}]) button")
        if found := violations(page):
            problems.append(format_violations(f"cabinet, {state}", found))
    assert "Вы отозвали согласие" in page.content()
    assert not problems, "\n".join(problems)
