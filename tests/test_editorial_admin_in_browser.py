"""The admin pages the project adds for editors' bulk work, in Debian's Chromium on the seeded site, in one session:
the profession cards' listing (with its export) and the two bulk actions' forms. axe finds nothing. The dashboard,
its reports and the guide have tests of their own (test_editorial_in_browser.py, test_guide_in_browser.py)."""

import pytest

from tests.account_request_pages import violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Massovo-Redaktor-2026"


def test_an_editor_works_through_the_projects_admin_pages_and_axe_finds_nothing(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from atlas.models import ProfessionPage
    from home.roles import EDITORS

    with django_db_blocker.unblock():
        editor = get_user_model().objects.create_user("redaktor-bulk", "bulk@example.org", PASSWORD)
        editor.groups.add(Group.objects.get(name=EDITORS))
        ids = "&".join(f"id={pk}" for pk in ProfessionPage.objects.order_by("pk").values_list("pk", flat=True)[:3])
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    urls = [
        "/admin/profession_cards/",
        f"/admin/bulk/wagtailcore/page/change_sector/?{ids}",
        f"/admin/bulk/wagtailcore/page/change_demand_level/?{ids}",
    ]
    problems = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for url in urls:
        response = page.goto(site + url)
        assert response.status == 200, url
        page.evaluate("Promise.allSettled(document.getAnimations().map(animation => animation.finished))")
        if found := violations(page):
            problems.append(format_violations(url, found))
        name = url.strip("/").split("?")[0].replace("/", "-")
        page.screenshot(path=str(SCREENSHOTS / f"editorial-{name}.png"), full_page=True)
    # The bulk forms name their field and the cards they change.
    assert page.locator("label[for=id_demand_level]").count() == 1
    assert page.locator(".editorial-bulk-list li a").count() == 3
    assert not problems, "\n".join(problems)
