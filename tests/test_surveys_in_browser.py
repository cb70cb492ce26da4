"""The surveys in Debian's Chromium, on the seeded site: a keyboard alone answers the students' survey; axe finds
nothing on the survey (with errors too), the thank-you page and the results with their charts, in every colour
scheme; the survey and its results reflow at 320 px. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SURVEY = "/opros-informirovannost/"
RESULTS = SURVEY + "rezultaty/"
# The focused element's tag, type and name, or nothing outside the survey's form (the header's buttons and links).
FOCUSED = (
    "(() => { const e = document.activeElement;"
    " return e.closest('form.account-form') ? [e.tagName, e.type || '', e.name || ''] : ['', '', ''] })()"
)


def answer_by_keyboard(page):
    """Tab through the form: the first choice of each group of radio buttons and boxes (Space), the second entry of
    each list (ArrowDown), a word in the free text, then Enter on the button."""
    page.focus("h1")
    done = set()
    for _press in range(120):
        page.keyboard.press("Tab")
        tag, kind, name = page.evaluate(FOCUSED)
        if kind in ("radio", "checkbox") and name not in done:
            page.keyboard.press("Space")
            done.add(name)
        elif tag == "SELECT" and name not in done:
            page.keyboard.press("ArrowDown")
            done.add(name)
        elif tag == "TEXTAREA" and name not in done:
            page.keyboard.type("Больше экскурсий")
            done.add(name)
        elif tag == "BUTTON":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return done
    raise AssertionError("Tab never reached the button")


def test_a_keyboard_alone_answers_and_axe_finds_nothing_on_the_surveys(page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(site + SURVEY)
    with page.expect_navigation():
        page.click("form.account-form button[type=submit]")  # nothing chosen: the errors
    problems = [format_violations("survey with errors", found)] if (found := violations(page)) else []
    page.screenshot(path=str(SCREENSHOTS / "survey-errors-1280.png"), full_page=True)
    answered = answer_by_keyboard(page)
    assert len(answered) == 8
    assert "Спасибо: ваши ответы сохранены." in page.inner_text("[role=status]")
    if found := violations(page):
        problems.append(format_violations("thank-you page", found))
    page.goto(site + RESULTS)
    assert "Пока 1 ответ." in page.inner_text("main")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in (("survey", SURVEY), ("results", RESULTS)):
            page.goto(site + url)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()  # a new visitor sees the questions again
    problems += axe_problems_in_every_scheme(page, site, (SURVEY, RESULTS, "/opros-rabotodatelei/"))
    assert_reflows_at_320(page, site, (SURVEY, RESULTS))
    assert not problems, "\n".join(problems)
