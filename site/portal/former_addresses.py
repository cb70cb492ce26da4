"""Addresses that moved to the portal's one transliteration (``portal.slugs``): the old spelling answers 301 to the
new one, query string kept, because links with the old addresses were already e-mailed (confirmations) or shared.

In ``urls.py``: ``*former_routes("organizatsiyam/registratsiya/", …)`` in front of the routes themselves; in a
RoutablePageMixin page: a route with the old spelling whose view returns ``moved_permanently(request, new_url)``."""

import re

from django.http import HttpResponsePermanentRedirect
from django.urls import re_path

# Each path segment once written in another scheme → the segment ``slug_for`` makes of the same Russian words.
FORMER_SEGMENTS = {
    "organizatsiyam": "organizatsiiam",
    "registratsiya": "registratsiia",
    "zayavka-otpravlena": "zaiavka-otpravlena",
    "rezyume": "reziume",
    "fajly": "faily",
    "fajl": "fail",
    "moi-zayavki": "moi-zaiavki",
    "podat-zayavku": "podat-zaiavku",
    "uchebnye-zavedeniya": "uchebnye-zavedeniia",
    "konsultaciya": "konsultatsiia",
}


def moved_permanently(request, target):
    """A 301 to ``target`` with the request's query string."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(target + (f"?{query}" if query else ""))


def respelled(path):
    """``path`` with each of its segments in a former spelling written the portal's way."""
    return "/".join(FORMER_SEGMENTS.get(segment, segment) for segment in path.split("/"))


def former_address(request, **kwargs):
    """The view of an old address: 301 to the same address respelled."""
    return moved_permanently(request, respelled(request.path))


def former_routes(*prefixes):
    """URL patterns sending every address under each old ``prefix`` (e.g. ``"pedagogam/registratsiya/"``) on."""
    return [re_path(rf"^{re.escape(prefix)}", former_address) for prefix in prefixes]
