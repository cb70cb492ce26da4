"""The weekly check of external links: every http(s) address a live page gives in its fields (rich text, stream
blocks, plain fields), asked once with a timeout of ``LINK_CHECK_TIMEOUT_SECONDS``; what answered an error or nothing
is kept as broken (``LinkCheck``) for the dashboard. The portal's own addresses (its sites' host names) are not asked.

Run by ``manage.py check_external_links`` from the daily housekeeping, which does nothing until
``LINK_CHECK_EVERY_DAYS`` have passed since the last check."""

import datetime
import re
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page, Site

from .models import LinkCheck

URL = re.compile(r"""https?://[^\s"'<>\\\]\[)(]+""")
USER_AGENT = "KhabarovskPortalLinkCheck/1.0"
THREADS = 4


def page_links(page):
    """The external addresses ``page`` (specific) gives in its own fields."""
    found = []
    for field in page._meta.concrete_fields:
        if field.is_relation or field.name in {"url_path", "path", "draft_title", "latest_revision"}:
            continue
        try:
            text = field.value_to_string(page)
        except (AttributeError, TypeError, ValueError):  # a field that cannot say itself in words holds no address
            continue
        for url in URL.findall(text or ""):
            url = url.rstrip(".,;:!?»")
            if url not in found:
                found.append(url)
    return found


def own_hosts():
    """The portal's own sites as ``host:port`` (a site on the default port also as the bare host name)."""
    hosts = set()
    for site in Site.objects.all():
        hosts.add(f"{site.hostname.lower()}:{site.port}")
        if site.port in (80, 443):
            hosts.add(site.hostname.lower())
    return hosts


def links_to_check():
    """[(url, page id)] of the live pages' external addresses."""
    ours = own_hosts()
    found = []
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        for url in page_links(page):
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            if host and host not in ours and f"{host}:{parts.port}" not in ours:
                found.append((url, page.pk))
    return found


def check(url, timeout=None):
    """(status, error) of one address: the HTTP status it answered (None if none came) and the error in words."""
    timeout = settings.LINK_CHECK_TIMEOUT_SECONDS if timeout is None else timeout
    if not url.startswith(("http://", "https://")):
        return None, "not an http(s) address"
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 (http(s) only, above)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http and https only)
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, ""
    except TimeoutError:
        return None, f"no answer in {timeout:g} s"
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            return None, f"no answer in {timeout:g} s"
        return None, str(reason)[:300]
    except (OSError, ValueError) as error:
        return None, str(error)[:300]


def is_broken(status, error):
    return bool(error) or status is None or status >= 400


def check_all():
    """Check every link now and keep the results (the rows of links no page gives any more go). Returns
    (checked, broken)."""
    links = links_to_check()
    urls = sorted({url for url, _ in links})
    with ThreadPoolExecutor(THREADS) as pool:
        answers = dict(zip(urls, pool.map(check, urls), strict=True))
    now = timezone.now()
    rows = [
        LinkCheck(
            url=url,
            page_id=page,
            status=answers[url][0],
            error=answers[url][1],
            broken=is_broken(*answers[url]),
            checked_at=now,
        )
        for url, page in sorted(set(links))
    ]
    with transaction.atomic():
        LinkCheck.objects.all().delete()
        LinkCheck.objects.bulk_create(rows)
    return len(urls), sum(is_broken(*answer) for answer in answers.values())


def last_checked():
    return LinkCheck.objects.aggregate(at=Max("checked_at"))["at"]


def due(now=None):
    """Whether a week (LINK_CHECK_EVERY_DAYS) has passed since the last check; an hour's slack keeps a daily run
    that starts a little early from skipping a week."""
    last = last_checked()
    if last is None:
        return True
    return (now or timezone.now()) - last >= datetime.timedelta(days=settings.LINK_CHECK_EVERY_DAYS, hours=-1)
