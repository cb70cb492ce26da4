"""The portal's public address, and absolute URLs made from it.

Every absolute URL the portal hands out — canonical and hreflang links, the sitemap, robots.txt, the API, the
links and QR codes printed in PDFs, the kit's read-me, iCalendar entries, share links — comes from
``public_url``, so it names the address visitors use (``PUBLIC_BASE_URL``), not the Host header of whichever
request built it nor the hostname stored in Wagtail's Site record. The seed keeps that record in step
(``site_address``) for what Wagtail builds itself (the admin's «view live» links).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def checked_base_url(value):
    """``value`` as a base URL: scheme and host (and a port), no path; raises ImproperlyConfigured otherwise."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query:
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL must be like https://portal.example.ru or http://127.0.0.1:8000, not {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def origin_of(url):
    """The scheme and host of an absolute ``url`` ("https://cdn.example.ru"); "" for a path such as "/media/"."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def public_url(target, request=None):
    """The absolute public URL of ``target``: a page (None when it has no URL) or a path such as "/sitemap.xml".
    ``request`` only lets Wagtail reuse what it has cached on it."""
    if hasattr(target, "get_url_parts"):  # a page (no model import: the settings use this module)
        parts = target.get_url_parts(request)
        if parts is None or parts[2] is None:
            return None
        target = parts[2]
    if target.startswith(("http://", "https://")):
        return target
    return settings.PUBLIC_BASE_URL + "/" + target.lstrip("/")


def site_address():
    """The (hostname, port) of Wagtail's Site record that matches ``PUBLIC_BASE_URL``."""
    parts = urlsplit(settings.PUBLIC_BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
