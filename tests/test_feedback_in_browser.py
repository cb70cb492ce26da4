"""Contacts and feedback in Debian's Chromium, on the seeded site: axe finds nothing on the contacts page and the
feedback form (with its errors too) in any colour scheme, both reflow at 320 px; a reader selects a text, presses
Ctrl+Enter, and sends the report with the keyboard alone (the dialog takes the focus, Escape closes it and gives the
focus back)."""

import pytest
from playwright.sync_api import expect

from feedback.models import ErrorReport
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, violations
from tests.test_accessibility import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
CONTACTS = "/kontakty/"
FORM = "/obratnaia-sviaz/"


def test_axe_finds_nothing_on_the_contacts_and_the_form_in_any_scheme_and_they_reflow(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + FORM)
    with page.expect_navigation():
        page.click("form.account-form button[type=submit]")  # nothing written: the message's error
    assert page.locator(".field__error").count() == 1
    problems = [format_violations("feedback form with errors", found)] if (found := violations(page)) else []
    problems += axe_problems_in_every_scheme(page, site, (CONTACTS, FORM, FORM + "?page=/kontakty/", "/en/contacts/"))
    assert_reflows_at_320(page, site, (CONTACTS, FORM))
    assert not problems, "\n".join(problems)


def test_a_reader_reports_a_selected_mistake_with_the_keyboard(page, site, django_db_blocker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + CONTACTS)
    page.wait_for_load_state("load")
    heading = page.locator("main h2").first
    name = heading.inner_text()
    heading.click(click_count=3)  # selects the heading's text
    page.keyboard.press("Control+Enter")
    dialog = page.locator("dialog#error-report")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-report-comment"
    assert name.strip() in page.inner_text("#error-report-selected")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    heading.click(click_count=3)
    page.keyboard.press("Control+Enter")
    page.keyboard.type("Проверьте название")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "error-report-send"
    page.keyboard.press("Enter")
    status = page.locator("#error-report-status")
    expect(status).to_have_text(status.get_attribute("data-sent"))  # the strict CSP forbids wait_for_function's eval
    problems = [format_violations("mistake dialog", found)] if (found := violations(page)) else []
    with django_db_blocker.unblock():
        report = ErrorReport.objects.get()
        assert (report.page_address, report.comment) == (CONTACTS, "Проверьте название")
        assert name.strip() in report.selected_text
    assert not problems, "\n".join(problems)


def test_without_a_selection_the_footer_link_opens_the_form_with_the_page_address(page, site):
    page.goto(site + CONTACTS)
    with page.expect_navigation():
        page.click("#error-report-link")
    assert page.url.endswith(FORM + "?page=" + CONTACTS)
    assert page.input_value("#id_page_address") == CONTACTS
