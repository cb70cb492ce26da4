"""What the browser tests check alike: axe's violations, the pages in every colour scheme of the version for the
visually impaired, reflow at 320 px, and the two account requests' pages (partners', teachers')."""

from portal.accessibility import COOKIE, Settings
from tests.test_accessibility import SCHEMES, SCREENSHOTS, format_violations
from tests.test_accessibility import axe_violations as violations


def use_scheme(page, site, scheme):
    """The version for the visually impaired in ``scheme`` at the largest text and spacing (None: the standard)."""
    page.context.clear_cookies(name=COOKIE)
    if scheme:
        mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
        page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])


def axe_problems_in_every_scheme(page, site, urls):
    """What axe finds on each of ``urls`` in the standard version and in each colour scheme (then back to the
    standard one)."""
    problems = []
    for scheme in [None, *SCHEMES]:
        use_scheme(page, site, scheme)
        for url in urls:
            page.goto(site + url)
            if found := violations(page):
                problems.append(format_violations(f"{url} [{scheme}]", found))
    use_scheme(page, site, None)
    return problems


def assert_reflows_at_320(page, site, urls):
    """Each of ``urls`` needs no sideways scrolling at 320 px, in the standard version and at the largest text."""
    page.set_viewport_size({"width": 320, "height": 900})
    for scheme in (None, SCHEMES[0]):
        use_scheme(page, site, scheme)
        for url in urls:
            page.goto(site + url)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, (url, scheme)
    use_scheme(page, site, None)


def axe_problems_on_request_pages(page, site, register, show_errors):
    """What axe finds on an account request's pages: the form (Russian and English), «check your mail», a broken
    confirmation link, and the form with its errors (``show_errors(page, site)`` sends it wrong); then the form,
    with and without errors, in each colour scheme of the version for the visually impaired."""
    problems = []
    addresses = [register, "/en" + register, register + "zaiavka-otpravlena/", register + "podtverzhdenie/broken/"]
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


def tab_until(page, expression, wanted, most=400):
    """Press Tab until ``expression`` (JavaScript, of the focused element) gives ``wanted``, within ``most``."""
    for _press in range(most):
        if page.evaluate(expression) == wanted:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {wanted!r}")
