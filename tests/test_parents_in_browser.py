"""The parents' section in Debian's Chromium, on the seeded site: axe finds nothing on the section, a guide, the
club and a meeting, the directory of centres, the request form (with its errors too), the page after sending, and
the English directory, in every colour scheme; they reflow at 320 px; a parent sends a question with the keyboard
alone. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from home.models import EventPage
from parents.models import ConsultationRequest, SupportCentresPage
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, tab_until, violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SECTION = "/roditeliam/"
GUIDE = "/roditeliam/kak-govorit-s-rebenkom-o-professii/"
CLUB = "/roditeliam/klub-moi-rebenok-i-ego-budushchee/"
CENTRES = "/roditeliam/tsentry/"
FORM = CENTRES + "konsultatsiia/"


def meeting_and_english_urls(django_db_blocker):
    with django_db_blocker.unblock():
        meeting = EventPage.objects.filter(url_path__contains="/klub-moi-rebenok").order_by("start_date").first()
        page = SupportCentresPage.objects.get(locale__language_code="ru")
        english = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
        return meeting.url, english.url


def test_axe_finds_nothing_on_the_parents_pages_in_any_scheme_and_they_reflow(page, site, django_db_blocker):
    meeting, english = meeting_and_english_urls(django_db_blocker)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in (("section", SECTION), ("centres", CENTRES), ("form", FORM)):
            page.goto(site + url)
            page.screenshot(path=str(SCREENSHOTS / f"parents-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + FORM)
    with page.expect_navigation():
        page.click("form.account-form button[type=submit]")  # nothing filled in: every field's error
    assert page.locator(".field__error").count() >= 4
    problems = [format_violations("request form with errors", found)] if (found := violations(page)) else []
    urls = (SECTION, GUIDE, CLUB, meeting, CENTRES, FORM, FORM + "otpravleno/", english)
    problems += axe_problems_in_every_scheme(page, site, urls)
    assert_reflows_at_320(page, site, (CENTRES, FORM))
    assert not problems, "\n".join(problems)


def test_a_parent_sends_a_question_with_the_keyboard_alone(page, site, django_db_blocker):
    page.goto(site + CENTRES)
    page.focus("h1")
    tab_until(page, "document.activeElement.textContent.trim().startsWith('Задать вопрос этому центру')", True)
    chosen = page.evaluate("document.activeElement.textContent.trim().split(': ').slice(1).join(': ')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('#id_centre').selectedOptions[0].textContent") == chosen
    tab_until(page, "document.activeElement.id", "id_name")
    page.keyboard.type("Светлана Петровна")
    page.keyboard.press("Tab")
    page.keyboard.type("svetlana@example.ru")
    tab_until(page, "document.activeElement.id", "id_grade")
    for _option in range(4):  # «Выберите класс», preschool, 1–4, 5–7, then 8–9
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("Дочь в 9 классе хочет в медицинский колледж. Как подготовиться к поступлению?")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert chosen in page.inner_text("[role=status]")
    problems = [format_violations("sent page", found)] if (found := violations(page)) else []
    with django_db_blocker.unblock():
        sent = ConsultationRequest.objects.get(email="svetlana@example.ru")
        assert (sent.centre.name_ru, sent.grade, sent.name) == (chosen, "8-9", "Светлана Петровна")
    assert not problems, "\n".join(problems)
