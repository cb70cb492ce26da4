"""The editors' dashboard in Debian's Chromium, on the seeded site: an editor signs in and sees «Needs attention»
first on the admin's home screen, with the seed's unsourced demonstration salaries counted; axe finds nothing on the
home screen nor on the list its item opens, at 375 and 1280 px; screenshots go to var/screenshots."""

import pytest

from tests.account_request_pages import violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Redaktsiya-2026-x"


def test_the_dashboard_and_its_list_pass_axe(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        editor = get_user_model().objects.create_superuser("glavred", "glavred@example.ru", PASSWORD)
    page.goto(site + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []

    def check(name):
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(SCREENSHOTS / f"editorial-{name}-{width}.png"), full_page=True)
            if found := violations(page):
                problems.append(format_violations(f"{name} at {width}", found))

    page.goto(site + "/admin/")
    item = page.locator('#editorial-attention-section [data-item="cards-unsourced-salary"]')
    assert int(item.locator("strong").inner_text().replace("\xa0", "")) > 0  # the seed's demonstration salaries
    check("home")
    with page.expect_navigation():
        item.locator("a").click()
    assert page.locator('main a[href*="/admin/pages/"][href$="/edit/"]').count() > 0  # the cards, to be edited
    check("unsourced-salaries")
    assert problems == [], "\n".join(problems)
