"""The daily refresh of the «Работа России» vacancies, on the "long" task queue.

There is no cron: each refresh, once done, queues the next one a day later (django-tasks' ``run_after``). At most one
refresh waits in the queue at any time (``schedule_refresh`` looks before it queues, under a lock of the queue's
rows), so starting it again by hand, or a worker restarted, never doubles it. Off unless
``TRUDVSEM_URL`` is set."""

import datetime
import logging
import urllib.request

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from portal import recurring

from . import trudvsem

logger = logging.getLogger(__name__)
REFRESH_EVERY = datetime.timedelta(days=1)
TIMEOUT = 60  # seconds to wait for the service
MAX_BYTES = 50 * 1024 * 1024


def fetch(url):
    """The document at ``url`` (https:// in production, file:// in tests and for a file laid down by hand)."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (the address comes from the settings)
        return response.read(MAX_BYTES + 1)


@task(backend="long")
def refresh_vacancies():
    """Fetch the source and import it (all or nothing), then queue the next refresh. Returns the report's summary."""
    url = settings.TRUDVSEM_URL
    if not url:
        return "off"
    try:
        content = fetch(url)
    except OSError as error:
        logger.warning("«Работа России» could not be fetched from %s: %s", url, error)
        summary = f"not fetched: {error}"
    else:
        report = trudvsem.run_import(content, url)
        if not report.ok:
            logger.warning("«Работа России» sent a file in a wrong shape: %s", report.problems[:3])
        summary = "; ".join([*report.summary(), *report.notes, *(p.message for p in report.problems[:5])])
    schedule_refresh(timezone.now() + REFRESH_EVERY)
    return summary


def waiting():
    """Refreshes queued and not yet started."""
    return recurring.waiting(refresh_vacancies)


def schedule_refresh(when=None):
    """Queue a refresh for ``when`` (now by default) unless one is waiting already; off without ``TRUDVSEM_URL``.
    Returns whether one was queued."""
    if not settings.TRUDVSEM_URL:
        return False
    return recurring.enqueue_unless_waiting(refresh_vacancies, when or timezone.now())
