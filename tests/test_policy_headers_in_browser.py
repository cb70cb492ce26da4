"""The admin works under its Content-Security-Policy, and public pages under theirs, in Debian's Chromium: the
``page`` fixture (conftest.py) fails a test on anything the browser refused."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from atlas.models import ProfessionPage
from home.models import EventPage

# Each test runs in a transaction of its own, on top of the seeded site (tests/conftest.py: site_server).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Adm1n-for-the-browser"


@pytest.fixture
def chief():
    return get_user_model().objects.create_superuser("chief", "chief@example.ru", PASSWORD)


def sign_in_to_the_admin(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url == base + "/admin/"


def test_the_admin_works_under_its_policy(page, site_server, chief):
    """Dashboard, page explorer, the editor of a profession card and of an event (StreamField, inline panels,
    chooser fields, date widgets), the live preview panel, snippets and images: nothing refused."""
    base = site_server.url
    sign_in_to_the_admin(page, base)
    assert page.locator(".w-dashboard, [data-controller~=w-dashboard], main").count()
    card = ProfessionPage.objects.live().filter(locale__language_code="ru").first()
    page.goto(f"{base}/admin/pages/{card.pk}/edit/")
    page.wait_for_selector("[data-streamfield-stream-container], [data-contentpath]")
    assert card.title in page.inner_text("header, main")
    # The live preview: the side panel shows the card in an iframe of the admin.
    page.click("[data-side-panel-toggle=preview]")
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").wait_for()
    assert frame.locator("h1").inner_text() == card.title
    event = EventPage.objects.live().first()
    page.goto(f"{base}/admin/pages/{event.pk}/edit/")
    page.wait_for_selector("input[name=start_date]")
    page.click("input[name=start_date]")  # the date picker opens
    for address in (
        "/admin/pages/",
        f"/admin/pages/{Page.get_first_root_node().get_children().first().pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/reports/",
    ):
        page.goto(base + address)
        assert page.locator("main, #main").count()


def test_public_pages_work_under_the_strict_policy_for_an_editor_too(page, site_server, chief, policy_violations):
    """Wagtail's user bar, which signed-in editors see on public pages, loads, opens and runs its content checks
    (axe-core) under the strict policy. First, the guard of every browser test (conftest.py): an inline script put
    into a public page is refused, and the refusal reaches the list that fails the test."""
    base = site_server.url
    card = ProfessionPage.objects.live().filter(locale__language_code="ru").first()
    page.goto(base + card.url)
    assert page.inner_text("h1") == card.title
    # The page's own report comes after Chromium's «Refused to execute…» line: once it is here, both are.
    with page.expect_console_message(lambda message: "Content Security Policy violation" in message.text):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.head.append(script);
            }"""
        )
    assert page.evaluate("window.injected") is None  # the script did not run
    assert any("script-src" in line for line in policy_violations)
    policy_violations.clear()  # expected here: what is checked is that they were caught

    sign_in_to_the_admin(page, base)
    page.goto(base + card.url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.click("wagtail-userbar >> #wagtail-userbar-trigger")
    page.wait_for_selector("wagtail-userbar >> [role=menu]:visible")
    page.click("wagtail-userbar >> #checker-trigger")
    page.wait_for_selector("wagtail-userbar >> #checker-results:visible")
