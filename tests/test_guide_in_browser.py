"""The editors' guide in Debian's Chromium, on the seeded site: an editor opens the admin's Help menu, follows the
guide's item, and axe finds nothing on its contents and on a section with pictures."""

import pytest

from tests.account_request_pages import violations
from tests.test_accessibility import SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Rukovodstvo-2026-x"


def test_an_editor_reaches_the_guide_from_the_help_menu_and_axe_finds_nothing(page, site, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from home.roles import EDITORS

    with django_db_blocker.unblock():
        editor = get_user_model().objects.create_user("redaktor-guide", "guide@example.org", PASSWORD)
        editor.groups.add(Group.objects.get(name=EDITORS))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.locator("aside button", has_text="Помощь").click()  # Wagtail's Help menu, as Wagtail's Russian names it
    with page.expect_navigation():
        page.click("aside a[href='/admin/guide/']")
    assert page.locator("h1").first.inner_text().strip()
    problems = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for url in ("/admin/guide/", "/admin/guide/cards/"):
        page.goto(site + url)
        page.evaluate("Promise.allSettled(document.getAnimations().map(animation => animation.finished))")
        picture = page.locator(".guide img").first
        if picture.count():
            assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
        if found := violations(page):
            problems.append(format_violations(url, found))
        page.screenshot(path=str(SCREENSHOTS / f"guide-{url.strip('/').replace('/', '-')}.png"), full_page=True)
    assert not problems, "\n".join(problems)
