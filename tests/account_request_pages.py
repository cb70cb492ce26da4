"""What the two browser tests of account requests (partners', teachers') check alike."""

from axe_playwright_python.sync_playwright import Axe

from portal.accessibility import COOKIE, Settings
from tests.test_accessibility import AXE_TAGS, SCHEMES, SCREENSHOTS, format_violations


def violations(page):
    return Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]


def axe_problems_on_request_pages(page, site, register, show_errors):
    """What axe finds on an account request's pages: the form (Russian and English), «check your mail», a broken
    confirmation link, and the form with its errors (``show_errors(page, site)`` sends it wrong); then the form,
    with and without errors, in each colour scheme of the version for the visually impaired."""
    problems = []
    addresses = [register, "/en" + register, register + "zayavka-otpravlena/", register + "podtverzhdenie/broken/"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])
        for url in addresses if scheme is None else addresses[:1]:
            page.goto(site + url)
            if found := violations(page):
                problems.append(format_violations(f"{url} [{scheme}]", found))
        show_errors(page, site)
        assert page.locator(".field__error").count() >= 3
        if found := violations(page):
            problems.append(format_violations(f"{register} with errors [{scheme}]", found))
    return problems
