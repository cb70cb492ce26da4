"""Per-request look-ups that change only when content changes — the site of the request, the page a path leads to,
the menu, the breadcrumbs, the language links, the site settings, the private sections — kept in the "default"
cache under the content version (``portal.content_version``), so one publish or edit anywhere makes all of them
stale at once in every process.

A process may keep its own copy ("default" is local memory on the embedded tier): the key carries the version,
which every process reads from the shared cache, so no process serves a look-up older than the last change. The
version itself is read once per request (``LookupsMiddleware``).
"""

import hashlib
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from portal import content_version

# Entries of an old version are never read again; this only bounds how long they take up memory.
TIMEOUT = 60 * 60 * 24
# The content version of the request being served, read at most once per request (a list, empty until read).
_request_version = ContextVar("portal_request_content_version", default=None)


def version():
    """The content version, read once per request (every call outside a request reads it afresh)."""
    memo = _request_version.get()
    if memo is None:
        return content_version.current()
    if not memo:
        memo.append(content_version.current())
    return memo[0]


def lookup(name, *parts, build):
    """The value ``build()`` gives, cached under ``name`` and ``parts`` for the current content version. None (not
    found) is not kept: addresses that lead nowhere must not fill the cache."""
    digest = hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()
    key = f"portal:lookup:{version()}:{name}:{digest}"
    cache = caches["default"]
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, TIMEOUT)
    return value


def site_for(request):
    """``Site.find_for_request``, cached by host and port (and kept on the request, as Wagtail does). Only for the
    hosts the settings allow: another host is refused further on, and must not add entries to the cache."""
    if not hasattr(request, "_wagtail_site"):
        try:
            host = request.get_host()
        except DisallowedHost:
            return Site.find_for_request(request)
        request._wagtail_site = lookup("site", host, request.get_port(), build=lambda: Site.find_for_request(request))
    return request._wagtail_site


def _route(request, path):
    """The page a path of the site leads to (Wagtail's routing, one query to the tree per path segment), cached as
    the page's id, its type and how many path segments lead to it; a cached route costs one query, for the page."""
    language = request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else ""
    site = site_for(request)
    if site is None:
        return
    components = [component for component in path.split("/") if component]

    def build():
        result = Page.route_for_request(request, path)
        if result is None:
            return None
        page = result[0]
        return page.pk, page.content_type_id, len(components) - (page.depth - site.root_page.depth)

    found = lookup("route", site.pk, language, path, build=build)
    if found is None or hasattr(request, "_wagtail_route_for_request"):
        return  # not a page (Wagtail answers 404), or just routed by Wagtail itself
    page_id, content_type_id, remaining = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model.objects.get(pk=page_id)
        request._wagtail_route_for_request = page.route(request, components[len(components) - remaining :])
    except (model.DoesNotExist, Http404):
        return  # let Wagtail route it


class LookupsMiddleware:
    """Reads the content version once per request, and gives Wagtail the request's site and page from the cache
    (through the attributes Wagtail keeps them in for the request: ``_wagtail_site``, ``_wagtail_route_for_request``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([])
        try:
            site_for(request)
            return self.get_response(request)
        finally:
            _request_version.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is wagtail_views.serve:
            _route(request, view_args[0] if view_args else view_kwargs.get("path", ""))


def restricted_sections():
    """(path, depth) of every page with a view restriction (a password, a group, signed-in users only)."""
    return lookup(
        "restricted-sections",
        build=lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
    )


def aliases_exist():
    return lookup("aliases-exist", build=lambda: Page.objects.filter(alias_of__isnull=False).exists())


def private_q():
    """What Wagtail's ``PageQuerySet.private_q`` matches, from the cached private sections."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])
