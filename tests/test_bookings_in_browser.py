"""Booking places for a class in Debian's Chromium: a keyboard alone books and cancels; axe finds nothing on the booking
form (with its errors too) and on «my bookings», in the standard version and in every colour scheme."""

import pytest

from opportunities.models import Booking, BookingStatus, Opportunity, OpportunityIndexPage
from tests.test_accessibility import SCHEMES, SCREENSHOTS, format_violations
from tests.test_accessibility import axe_violations as violations

# Each test runs in a transaction of its own, on top of the seeded site and its demonstration opportunities
# (tests/conftest.py: site_server), so it leaves the database as it found it for the tests after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Uchitel-Amur-2026"


@pytest.fixture
def booking_site(site_server, django_db_blocker):
    """A teacher's account and the page of a seeded opportunity with places ahead (for grades 5 to 11 at most)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from opportunities.bookings import TEACHERS_GROUP

    with django_db_blocker.unblock():
        teacher = get_user_model().objects.create_user(
            "uchitel-brauzer", "brauzer@school.example.ru", PASSWORD, first_name="Ольга", last_name="Иванова"
        )
        teacher.groups.add(Group.objects.get_or_create(name=TEACHERS_GROUP)[0])
        index_page = OpportunityIndexPage.objects.live().filter(locale__language_code="ru").order_by("pk").first()
        opportunity = next(
            item
            for item in Opportunity.objects.listed().order_by("pk")
            if any(slot.places_left >= 10 for slot in item.future_slots())
        )
        return {
            "base": site_server.url,
            "opportunity": opportunity,
            "url": f"{index_page.url}{opportunity.pk}/",
            "mine": f"{index_page.url}moi-zapisi/",
        }


def sign_in(page, site):
    page.goto(site["base"] + "/_util/login/?next=" + site["url"])
    page.fill("#id_username", "uchitel-brauzer")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    assert page.url.endswith(site["url"])


def test_a_keyboard_alone_books_and_cancels(page, booking_site):
    sign_in(page, booking_site)
    page.focus("#id_slot")  # the first field; everything after is reached by Tab
    page.keyboard.press("ArrowDown")  # the first date offered
    steps = [
        ("id_school", "МБОУ СОШ № 3 г. Хабаровска"),
        ("id_district", None),  # the first district of the list
        ("id_grade", None),
        ("id_students", "9"),
        ("id_students_with_disabilities", "1"),
    ]
    for field_id, text in steps:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == field_id
        if text is None:
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(text)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_adaptations_0"
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.id") != "id_adaptations_note":
        page.keyboard.press("Tab")
    page.keyboard.type("Ученику нужен крупный шрифт.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_contact_name"
    assert page.evaluate("document.activeElement.value") == "Ольга Иванова"  # from the account
    page.keyboard.press("Tab")
    page.keyboard.type("+7 914 123-45-67")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "brauzer@school.example.ru"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('type')") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Мои записи"
    assert page.get_by_role("status").inner_text().startswith("Заявка на «")
    booking = Booking.objects.get(contact_email="brauzer@school.example.ru")
    assert (booking.students, booking.students_with_disabilities, booking.contact_phone) == (9, 1, "+7 914 123-45-67")
    assert booking.slot.opportunity == booking_site["opportunity"] and booking.adaptations
    assert booking.district is not None
    # Cancel it: the button is reached from the page's list by Tab.
    page.focus("h1")
    while page.evaluate("document.activeElement.textContent") != "Отменить запись":
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Запись отменена" in page.get_by_role("status").inner_text()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def send_with_an_error(page, site):
    """The booking form sent with more students with disabilities than students: the page with its errors."""
    page.goto(site["base"] + site["url"])
    page.select_option("#id_slot", index=1)
    page.fill("#id_school", "Гимназия № 1")
    page.select_option("#id_district", index=1)
    page.select_option("#id_grade", index=1)
    page.fill("#id_students", "5")
    page.fill("#id_students_with_disabilities", "7")
    page.fill("#id_contact_phone", "+7 914 000-00-00")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")


def test_axe_finds_nothing_on_the_booking_form_and_my_bookings(page, booking_site):
    from portal.accessibility import COOKIE, Settings

    sign_in(page, booking_site)
    send_with_an_error(page, booking_site)
    assert page.locator("#form-errors a[href='#id_students_with_disabilities']").count() == 1
    described_by = page.get_attribute("#id_students_with_disabilities", "aria-describedby")
    assert described_by == "id_students_with_disabilities-error"
    page.fill("#id_students_with_disabilities", "1")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Мои записи"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": booking_site["base"]}])
        for name, url in (("booking form", booking_site["url"]), ("my bookings", booking_site["mine"])):
            page.goto(booking_site["base"] + url)
            if found := violations(page):
                problems.append(format_violations(f"{name} {url} [{scheme}]", found))
            if scheme is None:
                page.screenshot(path=str(SCREENSHOTS / f"bookings-{name.replace(' ', '-')}.png"), full_page=True)
        send_with_an_error(page, booking_site)
        if found := violations(page):
            problems.append(format_violations(f"booking form with errors [{scheme}]", found))
    assert not problems, "\n".join(problems)
