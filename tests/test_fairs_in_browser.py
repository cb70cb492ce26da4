"""The fairs in Debian's Chromium, on the seeded site: axe finds nothing on the list, on a coming fair's page as a
visitor sees it and as a registered student with an interview sees it, and on a past fair, in every colour scheme;
the page reflows at 320 px at the largest text size; a keyboard alone registers, books an interview and cancels it.
Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from fairs.models import FairPage, SlotBooking
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, tab_until
from tests.test_accessibility import SCREENSHOTS
from tests.test_resumes_in_browser import sign_in_a_student

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
INDEX = "/iarmarki-vakansii/"


def fair_urls(django_db_blocker):
    with django_db_blocker.unblock():
        past, coming = FairPage.objects.filter(locale__language_code="ru").order_by("starts_on")
        english = coming.get_translation(coming.locale.__class__.objects.get(language_code="en"))
        return past.url, coming.url, english.url


def test_axe_finds_nothing_on_the_fairs_in_any_scheme_and_they_reflow(page, site, django_db_blocker):
    past, coming, english = fair_urls(django_db_blocker)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in (("index", INDEX), ("coming", coming)):
            page.goto(site + url)
            page.screenshot(path=str(SCREENSHOTS / f"fair-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    problems = axe_problems_in_every_scheme(page, site, (INDEX, coming, past, english))
    assert_reflows_at_320(page, site, (INDEX, coming))
    assert not problems, "\n".join(problems)


def test_a_keyboard_alone_registers_books_and_cancels_and_axe_finds_nothing(page, site, django_db_blocker):
    _past, coming, _english = fair_urls(django_db_blocker)
    student = sign_in_a_student(page, site, django_db_blocker, "yarmarka@example.ru")
    page.goto(site + coming)
    page.focus("h1")
    tab_until(page, "document.activeElement.id", "id_needs")
    page.keyboard.type("Нужен сурдопереводчик.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "register"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Вы зарегистрированы на ярмарку" in page.inner_text("[role=status]")
    tab_until(page, "document.activeElement.textContent.trim()", "Записаться")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "назначено" in page.inner_text("[role=status]")
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path=str(SCREENSHOTS / "fair-registered-375.png"), full_page=True)
    with django_db_blocker.unblock():
        booking = SlotBooking.objects.get(registration__student=student)
        assert booking.cancelled_at is None and booking.registration.needs == "Нужен сурдопереводчик."
    problems = axe_problems_in_every_scheme(page, site, (coming,))
    page.goto(site + coming + "#my-fair")
    page.focus("#my-fair")
    tab_until(page, "document.activeElement.textContent.trim()", "Отменить")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Собеседование отменено" in page.inner_text("[role=status]")
    with django_db_blocker.unblock():
        booking.refresh_from_db()
        assert booking.cancelled_at is not None
    assert not problems, "\n".join(problems)
