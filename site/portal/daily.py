"""The portal's daily housekeeping, run by the background worker rather than an operator's cron: the management
commands named in ``DAILY_COMMANDS`` (erasing personal data past its keeping time under 152-ФЗ, publishing the
portal's counts into the monitoring) run one after another, with ``WEEKLY_COMMANDS`` (the documents library's check
with veraPDF) after them once a week, on ``WEEKLY_DAY``, at ``DAILY_HOUR`` of the portal's time zone, and the run
queues the next one for the day after. ``manage.py schedule_daily`` (part of ``make run`` and of a deployment, like
``migrate``) queues the first; it never queues a second while one waits, so running it again is harmless.

A command that fails is logged and the others still run: an unpublished count must not keep contacts past their time.
"""

import datetime
import io
import logging

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from portal import recurring

logger = logging.getLogger(__name__)


def next_run(now=None):
    """The next ``DAILY_HOUR`` o'clock of the portal's time zone after ``now``."""
    local = timezone.localtime(now or timezone.now())
    at = local.replace(hour=settings.DAILY_HOUR, minute=0, second=0, microsecond=0)
    return at if at > local else at + datetime.timedelta(days=1)


@task(backend="long")
def run_daily_commands():
    """Run every command of ``DAILY_COMMANDS`` (and of ``WEEKLY_COMMANDS`` on ``WEEKLY_DAY``), then queue tomorrow's
    run. Returns {command: what it printed, or the error}."""
    done = {}
    names = list(settings.DAILY_COMMANDS)
    if timezone.localdate().isoweekday() == settings.WEEKLY_DAY:
        names += settings.WEEKLY_COMMANDS  # after the erasures: the weekly checks take longer
    for name in names:
        out = io.StringIO()
        try:
            call_command(name, stdout=out)
        except Exception as error:  # one failing command must not stop the erasures after it
            logger.exception("The daily command %s failed", name)
            done[name] = f"failed: {error}"
        else:
            done[name] = out.getvalue().strip()
    schedule_daily(next_run())
    return done


def waiting():
    return recurring.waiting(run_daily_commands)


def schedule_daily(when=None):
    """Queue a run for ``when`` (the next DAILY_HOUR by default) unless one is waiting; returns whether one was
    queued."""
    return recurring.enqueue_unless_waiting(run_daily_commands, when or next_run())
