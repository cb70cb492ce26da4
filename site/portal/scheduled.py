"""Wagtail's scheduled publishing without a cron: an editor sets «Опубликовать в» or «Снять с публикации в» on a page
or a snippet, and every ``SCHEDULED_PUBLISHING_MINUTES`` the background worker runs Wagtail's ``publish_scheduled``
(what has reached its time is published, what has passed its expiry is unpublished) and queues its own next run.
``manage.py schedule_daily`` queues the first, beside the daily housekeeping."""

import datetime
import io

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from portal import recurring


# The "long" queue, as the other runs that queue their next one (the daily housekeeping, the vacancies' refresh): the
# default queue has no run_after in tests (it runs tasks at once there), and a schedule kept to the minute does not
# need to overtake an import.
@task(backend="long")
def publish_scheduled():
    """Publish and unpublish what is due, then queue the next run; returns what Wagtail's command printed."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    schedule_publishing(timezone.now() + datetime.timedelta(minutes=settings.SCHEDULED_PUBLISHING_MINUTES))
    return out.getvalue().strip()


def waiting():
    return recurring.waiting(publish_scheduled)


def schedule_publishing(when=None):
    """Queue a run for ``when`` (now by default) unless one is waiting; returns whether one was queued."""
    return recurring.enqueue_unless_waiting(publish_scheduled, when or timezone.now())
