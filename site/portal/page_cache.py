"""The page cache: whole pages for anonymous visitors, kept in the "pages" cache under the content version.

A page is stored when an anonymous visitor (no session, no pending messages) asks for it with GET or HEAD and no
query string, and it answers 200 with HTML that set no cookie, used no CSRF token, and did not say itself that it
is private (``Cache-Control: private`` / ``no-store`` / ``no-cache``, as the career builder's personal pages do).
The key is the address (scheme, host, path: the language is in the path), the visitor's mode of the version for
the visually impaired, and the content version (``portal.content_version``): any committed change to what pages
show moves the version, and every process of every server stops reading the old entries at once. Nothing is ever
deleted; old entries leave by their timeout (``PAGE_CACHE_SECONDS``), which also bounds how late a page that
depends on the date (the coming events) may be.

Query strings are never cached (filters, pagination, search): their values are the visitor's to choose, so each
would be a new entry, and those pages are built fast enough without (goal 2 of the speed issue). Leaving them out
keeps the number of entries at «pages × modes».

Downstream (nginx, a CDN, the browser), a stored page says ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE``
and ``Vary: Cookie``: they cannot see the content version, so only a short max-age bounds how long they show a page
after a change; the page differs by the accessibility cookie, which only ``Vary: Cookie`` can say in HTTP. Every
other HTML response says ``private, no-cache`` unless its view said something itself.

Why a middleware of our own on Django's cache API rather than a library:
- wagtail-cache 3.0.0 requires ``wagtail<8`` (pip would downgrade Wagtail); it keys pages by address only and
  leaves purging to hooks the project writes (``clear_cache()`` after publishing: snippets, settings and imports
  would each need their own); and by default it drops every cookie but Django's session and CSRF cookies from the
  key, which would hand one visitor's version for the visually impaired to the next.
- Django's ``UpdateCacheMiddleware``/``FetchFromCacheMiddleware`` take one fixed key prefix (no content version),
  and key on the whole ``Cookie`` and ``Accept-Language`` headers of every response's ``Vary``: one entry per
  visitor with any cookie, and per browser language though the language comes from the path only.
What is left is a key and a few checks; storing, expiry and sharing are the cache backend's.

It sits right after WhiteNoise, before the session: a hit costs two cache reads (the version, the page) and no SQL,
and still passes through the security, CSP and Permissions-Policy middleware on its way out, so it carries the same
headers as a fresh page. The public pages' CSP has no nonce, so a stored page has nothing per-response in it.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from portal import content_version
from portal.accessibility import COOKIE as A11Y_COOKIE
from portal.accessibility import Settings as A11ySettings
from portal.headers import is_admin_path

ALIAS = "pages"
HEADER = "X-Page-Cache"  # hit or miss, for the benchmark and for whoever wonders why a page is old
# Cookies that change what a page shows beyond the accessibility mode: a user's session (and a restricted page's
# password) and messages waiting to be shown. Their bearers neither read nor fill the cache.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
UNCACHEABLE = ("private", "no-store", "no-cache")


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def accessibility_mode(request):
    """The part of the cookie a page shows: nothing for the standard version; None for a cookie that does not
    parse (the accessibility middleware answers it with a fresh cookie, which must not be skipped)."""
    settings_ = A11ySettings.from_cookie(request.COOKIES.get(A11Y_COOKIE))
    if settings_ is None:
        return None
    return settings_.cache_variant


def key_for(request, mode):
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(f"{address}\n{mode}".encode()).hexdigest()
    return f"page:{content_version.current()}:{digest}"


def cacheable_request(request):
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not is_admin_path(request.path)
    )


def storable_response(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        # A page that holds a CSRF token (the visitor's own) always sets its cookie again (Django renews it whenever
        # the token is used), or the session's with CSRF_USE_SESSIONS: this check keeps those pages out too.
        and not response.cookies
        and not any(word in response.get("Cache-Control", "") for word in UNCACHEABLE)
        and not getattr(request, "is_preview", False)
        and not (user and user.is_authenticated)
    )


def drop_vary(response, header):
    if response.has_header("Vary"):
        kept = [name for name in cc_delim_re.split(response["Vary"]) if name.lower() != header.lower()]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if cacheable_request(request) and (mode := accessibility_mode(request)) is not None:
            key = key_for(request, mode)
            cached = caches[ALIAS].get(key)
            if cached is not None:
                cached[HEADER] = "hit"
                return cached
        response = self.get_response(request)
        if key and storable_response(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            # The language comes from the path alone (i18n_patterns without a prefix for Russian), though Django's
            # LocaleMiddleware says it varies by Accept-Language; a CDN would keep a copy per browser language.
            drop_vary(response, "Accept-Language")
            patch_vary_headers(response, ["Cookie"])  # the version for the visually impaired
            response[HEADER] = "miss"
            caches[ALIAS].set(key, response, settings.PAGE_CACHE_SECONDS)
        elif response.get("Content-Type", "").startswith("text/html") and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
