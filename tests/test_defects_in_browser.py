"""Layout defects a new user found (issue 22, point 7), checked in Debian's Chromium on the seeded site: the career
profile chart's labels stay readable and whole at 375 and 1280 px; the «Compare» checkbox sits beside its label; the
atlas's filters fold on a phone (open when set or wrong, with the errors above the fields, the grid intact); the
search's «nothing found» text has the page's width."""

import pytest

from career.state import Diagnosis
from tests.account_request_pages import violations
from tests.test_accessibility import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def results_url(site):
    answers = "ab" * 10  # a complete answer set
    return f"{site}/konstruktor-karery/rezultat/?t={Diagnosis(answers=answers, grade=9).token()}"


def label_boxes(page):
    return page.evaluate(
        """[...document.querySelectorAll('.profile-chart__label')].map(label => {
            const box = label.getBoundingClientRect(), figure = label.closest('figure').getBoundingClientRect();
            return {text: label.textContent, size: parseFloat(getComputedStyle(label).fontSize),
                    inside: box.left >= figure.left - 1 && box.right <= figure.right + 1,
                    whole: label.scrollWidth <= label.clientWidth + 1};
        })"""
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_the_profile_chart_labels_are_readable_and_whole(page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(results_url(site))
    labels = label_boxes(page)
    assert len(labels) == 5 and any("художественный образ" in label["text"] for label in labels)
    assert all(label["size"] >= 12 and label["inside"] and label["whole"] for label in labels), labels
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_compare_checkbox_sits_beside_its_label(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(results_url(site))
    box, label = page.evaluate(
        """(() => { const field = document.querySelector('.suggestion .field--checkbox');
            const r = e => { const b = e.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top}; };
            return [r(field.querySelector('input')), r(field.querySelector('label'))]; })()"""
    )
    assert 0 <= label["left"] - box["right"] <= 16 and abs(label["top"] - box["top"]) <= 8


def test_the_atlas_filters_fold_on_a_phone_and_open_when_set_or_wrong(page, site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site + "/atlas/")
    assert not page.is_visible("#id_sector")
    folded = page.evaluate("document.querySelector('.filters-disclosure').getBoundingClientRect().height")
    first_card = page.evaluate("document.querySelector('.cards li').getBoundingClientRect().top + scrollY")
    assert folded < 80 and first_card < 1000  # the card was about 1,900 px down, below the open filters

    page.goto(site + "/atlas/?salary_from=много&demand=nonsense")
    assert page.is_visible("#id_sector")
    summary = page.locator(".filters__errors")
    assert summary.is_visible() and summary.locator("a").count() == 2
    tops = page.evaluate(
        """(() => { const grid = document.querySelector('.filters__grid').getBoundingClientRect();
            const errors = document.querySelector('.filters__errors').getBoundingClientRect();
            return [errors.bottom, grid.top, document.querySelectorAll('.filters__grid .field__error').length]; })()"""
    )
    assert tops[0] <= tops[1] and tops[2] == 0  # the messages above the grid, none inside it
    assert page.get_attribute("#id_salary_from", "aria-describedby") == "id_salary_from-error"
    problems = violations(page)
    assert not problems, format_violations("atlas with wrong filters", problems)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/atlas/")
    assert page.is_visible("#id_sector") and not page.is_visible(".filters-disclosure > summary")


def test_the_atlas_filters_open_without_javascript_when_set(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site + "/atlas/")
    page.click(".filters-disclosure > summary")
    assert page.is_visible("#id_sector")
    page.goto(site + "/atlas/?level=spo")
    assert page.is_visible("#id_sector")
    context.close()


def test_nothing_found_has_the_page_width(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/search/?q=zzzqqqxxx")
    width = page.evaluate("document.querySelector('.search-results').getBoundingClientRect().width")
    assert width > 600
