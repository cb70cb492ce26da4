"""The policy headers: a strict Content-Security-Policy on every page visitors see (nothing inline, so no
'unsafe-inline'), a looser one in Wagtail's admin only, and a Permissions-Policy that refuses what the portal never
uses. The browser side (nothing refused, the admin works) is in test_policy_headers_in_browser.py."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Min
from django.template.loader import render_to_string
from wagtail.models import Page

from atlas.models import ProfessionPage

SELF, NONE, INLINE = "'self'", "'none'", "'unsafe-inline'"
VIDEO_PLAYERS = {"https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"}
STRICT = {
    "default-src": {SELF},
    "script-src": {SELF},
    "style-src": {SELF},
    "img-src": {SELF, "data:"},
    "media-src": {SELF},
    "frame-src": {SELF, *VIDEO_PLAYERS},
    "object-src": {NONE},
    "base-uri": {SELF},
    "form-action": {SELF},
    "frame-ancestors": {SELF},
}
ADMIN = {
    **STRICT,
    "script-src": {SELF, INLINE},
    "style-src": {SELF, INLINE},
    "img-src": {SELF, "data:", "blob:"},
}
REFUSED_FEATURES = {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "display-capture"}
# Routes left out: files (slow, and not HTML) and those that need an argument.
FILE_ROUTES = ("pdf", "booklet", "zip", "cards", "route_pdf")


def policy(response):
    """The Content-Security-Policy header as {directive: {sources}}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.wsgi_request.path}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


def refused_features(response):
    """The features the Permissions-Policy header allows to no origin at all (``feature=()``)."""
    header = response.headers.get("Permissions-Policy", "")
    return {item.split("=")[0].strip() for item in header.split(",") if item.strip().endswith("=()")}


class InlineCode(HTMLParser):
    """What a strict policy would refuse in a page: inline scripts (data blocks such as JSON-LD are not run, so
    they may stay), <style> elements, style attributes, on… handlers and javascript: addresses."""

    DATA_BLOCKS = ("application/ld+json", "application/json")

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in self.DATA_BLOCKS:
            self.found.append("an inline <script>")
        if tag == "style":
            self.found.append("a <style> element")
        for name, value in attrs.items():
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"a javascript: {name} on <{tag}>")

    @classmethod
    def in_html(cls, html):
        parser = cls()
        parser.feed(html)
        return parser.found


def seeded_addresses():
    """One page of each type the seed builds, the routes of each that take no argument and the views outside the
    page tree, in Russian and English."""
    first_of_each_type = Page.objects.live().filter(depth__gt=1).values("content_type").annotate(first=Min("pk"))
    pages = Page.objects.filter(pk__in=[row["first"] for row in first_of_each_type]).specific()
    urls = {page.url for page in pages}
    for page in pages:
        for route in getattr(page, "get_subpage_urls", list)():
            if "<" not in str(route.pattern) and getattr(route, "name", "") not in FILE_ROUTES:
                urls.add(page.url + str(route.pattern))
    return urls | {"/en/", "/search/", "/search/?q=сварщик", "/en/search/?q=project", "/accessibility/", "/nowhere/"}


@pytest.fixture
def seeded(seeded_site, db):
    """The site load_seed built (conftest.py: seeded_site), shared with the other tests on it."""


def test_every_public_page_gets_the_strict_policy_and_carries_nothing_it_would_refuse(client, seeded):
    card = ProfessionPage.objects.live().filter(locale__language_code="ru").first()
    urls = seeded_addresses()
    named = {"/", card.url, "/navigator/", "/search/", "/konstruktor-karery/", "/monitoring/", "/en/"}
    assert named <= urls and len(urls) > 30
    problems = []
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        assert policy(response) == STRICT, url
        assert refused_features(response) >= REFUSED_FEATURES, url
        problems += [f"{url}: {found}" for found in InlineCode.in_html(response.content.decode())]
    assert not problems, "\n".join(problems)


def test_a_signed_in_editor_gets_the_strict_policy_on_public_pages(client, seeded):
    """Wagtail's user bar appears on public pages for editors: it needs nothing inline either."""
    client.force_login(get_user_model().objects.create_superuser("chief", "chief@example.ru", "x"))
    card = ProfessionPage.objects.live().filter(locale__language_code="ru").first()
    response = client.get(card.url)
    html = response.content.decode()
    assert "wagtail-userbar" in html
    assert policy(response) == STRICT
    assert not InlineCode.in_html(html)


def test_the_preview_of_every_page_type_renders_under_the_strict_policy(seeded):
    """Wagtail's preview passes the page through the middleware at its public address, so an editor sees it under
    the policy visitors get. The page comes from its revision, with its relations held in memory, as the editor's
    form gives them: what a page reads of them must work there too."""
    first_of_each_type = Page.objects.live().filter(depth__gt=1).values("content_type").annotate(first=Min("pk"))
    problems = []
    for page in Page.objects.filter(pk__in=[row["first"] for row in first_of_each_type]).specific():
        response = page.get_latest_revision_as_object().make_preview_request()
        if response.status_code != 200:
            problems.append(f"{page.url} ({type(page).__name__}): {response.status_code}")
        elif policy(response) != STRICT:
            problems.append(f"{page.url}: {response.headers['Content-Security-Policy']}")
    assert not problems, "\n".join(problems)


def test_a_card_with_related_professions_can_be_previewed(site_tree):
    """The preview failed with a 500: the card asked its related professions for ``live()``, which the in-memory
    relation of a page being edited lacks."""
    from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory

    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    card = ProfessionPageFactory(parent=atlas, title="Сварщик")
    related = ProfessionPageFactory(parent=atlas, title="Монтажник")
    draft = ProfessionPageFactory(parent=atlas, title="Резчик", live=False)
    card.related_professions.set([related, draft])  # in memory, as the editor's form leaves it
    response = card.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert related.title in html and draft.title not in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_admin_gets_its_own_policy(client, site_tree, signed_in):
    """Only the admin: the dashboard, the page editor (an event's, whose date widgets are inline scripts of Wagtail's
    own, the reason for 'unsafe-inline' there), the explorer, the image library; the login pages."""
    from home.factories import EventIndexPageFactory, EventPageFactory

    home, _ = site_tree
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    if signed_in:
        client.force_login(get_user_model().objects.create_superuser("chief", "chief@example.ru", "x"))
        addresses = ["/admin/", f"/admin/pages/{event.pk}/edit/", f"/admin/pages/{home.pk}/", "/admin/images/"]
    else:
        addresses = ["/admin/login/", "/admin/password_reset/"]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert policy(response) == ADMIN, address
        assert refused_features(response) >= REFUSED_FEATURES, address
    if signed_in:
        assert "initDateChooser" in client.get(f"/admin/pages/{event.pk}/edit/").content.decode()


def test_the_server_error_page_keeps_its_inline_style_by_hash(rf):
    """The 500 page is self-contained (it must show when the static files are what failed); the strict policy
    admits exactly its one style block, by its hash, and nothing else inline."""
    import base64
    import hashlib
    import re

    from portal.headers import ContentSecurityPolicyMiddleware
    from portal.views import server_error

    response = ContentSecurityPolicyMiddleware(server_error)(rf.get("/atlas/"))
    html = response.content.decode()
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert "body{" in style and "&" not in style  # the template did not escape the CSS
    assert policy(response) == {**STRICT, "style-src": {SELF, f"'sha256-{digest}'"}}


def test_embedded_videos_keep_their_proportions_without_a_style_attribute():
    """Wagtail's wrapper of an embedded player sets its proportions in a style attribute, which the strict policy
    refuses; the portal's wrapper uses a class from site.css."""

    class Embed:
        is_responsive = True
        ratio_css = "56.25%"
        html = '<iframe src="https://www.youtube.com/embed/x" width="480" height="270" title="Видео"></iframe>'

    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": Embed()})
    assert 'class="responsive-object"' in html and Embed.html in html
    assert not InlineCode.in_html(html)
