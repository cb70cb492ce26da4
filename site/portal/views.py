"""Views of the project shell: sitemap, robots.txt, the accessibility statement and settings, error pages."""

import posixpath

from csp.decorators import csp_update
from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static as static_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import static
from django.views.decorators.cache import cache_page
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.documents import get_document_model

from portal import lookups
from portal.accessibility import COOKIE, COOKIE_AGE, OPTIONS
from portal.addresses import public_url
from portal.headers import source_hash
from portal.limits import limit
from portal.models import PortalSettings
from portal.pages import home_for_language, public_pages


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists one language tree; this one lists the site's tree in every language."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots.only("path"):
            in_any_tree |= Q(path__startswith=root.path)
        # Deferred specific pages: the entries need only the tree's own fields (address, dates), so no query per
        # page type; the private sections come from the cached look-up.
        return public_pages().filter(in_any_tree).order_by("path").specific(defer=True)

    def location(self, page):
        return public_url(page, self.request)

    def _urls(self, page, protocol, domain):
        """Wagtail's entries take the Site record's host (``Page.get_sitemap_urls``); these take the public one."""
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            location = self.location(item)
            if location:
                urls.append({"item": item, "location": location, "lastmod": self.lastmod(item)})
        lastmods = [entry["lastmod"] for entry in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


@require_safe
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": AllLanguagesSitemap})


@require_safe
def site_map(request):
    """The site map for people (the XML one is for robots): the sections of the visitor's language and the pages in
    them, two levels deep, in the editors' order. One query, kept until the content changes."""
    language = translation.get_language()

    def build():
        home = home_for_language(request, language)
        if home is None:
            return []
        pages = list(
            public_pages()
            .descendant_of(home)
            .filter(depth__lte=home.depth + 2)
            .order_by("path")
            .values("pk", "title", "url_path", "depth", "path")
        )
        sections = []
        for page in pages:
            entry = {"title": page["title"], "url": home.url + page["url_path"][len(home.url_path) :], "pages": []}
            if page["depth"] == home.depth + 1:
                sections.append({**entry, "path": page["path"]})
            elif sections and page["path"].startswith(sections[-1]["path"]):
                sections[-1]["pages"].append(entry)
        return sections

    site = lookups.site_for(request)
    sections = lookups.lookup("site-map", site.pk if site else None, language, build=build)
    return render(request, "portal/site_map.html", {"sections": sections})


@require_safe
def manifest(request):
    """The web app manifest: the portal's name and icons for a phone's home screen."""
    home = home_for_language(request, translation.get_language())
    manifest = {
        "name": str(_("Learn and Work in Khabarovsk Krai")),
        "short_name": str(_("Learn and Work")),
        "lang": translation.get_language(),
        "start_url": home.url if home else "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b4f8a",
        "icons": [
            {"src": static_url(f"portal/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: send them to the icon's hashed static address."""
    return redirect(static_url("portal/icons/favicon.ico"), permanent=True)


@require_safe
@cache_page(60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {public_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def accessibility_statement(request):
    portal_settings = PortalSettings.for_request(request)
    statement = portal_settings.localized("accessibility_statement", translation.get_language())
    return render(request, "portal/accessibility_statement.html", {"statement": statement})


@require_safe
def privacy(request):
    """What personal data the portal keeps, why, who sees it, how long, and the person's rights (152-ФЗ)."""
    return render(
        request,
        "portal/privacy.html",
        {
            "operator": settings.PERSONAL_DATA_OPERATOR,
            "limits": {
                "student_withdrawn_days": settings.STUDENT_WITHDRAWN_KEPT_DAYS,
                "fair_visitors_days": settings.FAIR_VISITORS_KEPT_DAYS,
                "booking_days": settings.BOOKING_CONTACTS_KEPT_DAYS,
                "teacher_rejected_days": settings.TEACHER_REJECTED_KEPT_DAYS,
                "consultation_answered_days": settings.CONSULTATION_ANSWERED_KEPT_DAYS,
                "consultation_days": settings.CONSULTATION_KEPT_DAYS,
                "course_enrolments_days": settings.COURSE_ENROLMENTS_KEPT_DAYS,
                "competition_days": settings.COMPETITION_ENTRIES_KEPT_DAYS,
                "feedback_days": settings.FEEDBACK_KEPT_DAYS,
            },
        },
    )


@require_safe
def public_media(request, path):
    """Images and other public media from MEDIA_ROOT, for `make run` and `make dev` (SERVE_MEDIA); production
    leaves media to the proxy or the storage. Never the documents folder: a document's file may belong to a
    private collection, and every download goes through Wagtail's document view, which checks that."""
    path = posixpath.normpath(path).lstrip("/")
    documents_folder = get_document_model()._meta.get_field("file").upload_to
    first_folder = path.split("/", 1)[0].lower()  # lower: a Mac's disk would find «Documents/» too
    if first_folder in (documents_folder, "..") or not path:
        raise Http404
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# The error page carries its few styles inline, so it looks right even when what failed is the static files; the
# strict Content-Security-Policy admits exactly this block, by its hash.
SERVER_ERROR_STYLE = (
    "body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}"
    "a{color:#0b4f8a}"
)


@csp_update({"style-src": [source_hash(SERVER_ERROR_STYLE)]})
def server_error(request):
    # Deliberately free of anything the database gives: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render({"style": SERVER_ERROR_STYLE}), status=500)


# Without a CSRF token: the panel's form is on every page, and a token would make every page the visitor's own, none
# of them cacheable (portal.page_cache). All another site could do with it is switch a visitor's display mode (as a
# link could), and only to the values the panel offers; the redirect stays on the portal.
@csrf_exempt
@require_POST
@limit("accessibility")
def accessibility_settings(request):
    """Changes one setting of the version for the visually impaired (a button of the panel) and goes back."""
    settings = request.a11y
    for key in ("enabled", "reset", "panel", *OPTIONS):
        if key in request.POST:
            settings = settings.change(key, request.POST[key][:20])
            break
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        COOKIE, settings.to_cookie(), max_age=COOKIE_AGE, samesite="Lax", secure=request.is_secure(), httponly=True
    )
    return response
