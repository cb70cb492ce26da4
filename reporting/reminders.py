"""The deadline's reminders: a week and a day before it, the coordinators of every district whose report is not yet
submitted get a letter (each reminder once per district and round, whenever the daily run comes)."""

from django.db import transaction
from django.utils import timezone

from atlas.models import MunicipalDistrict
from portal import locales
from portal.mail import queue_letter

from .models import CollectionRound, State
from .workflow import coordinators_of, report_for, report_link

WEEK, DAY = 7, 1


def due(round, report, today):
    """The reminder ``report``'s district is due today: "week", "day" or None."""
    if report.state not in (State.DRAFT, State.RETURNED):
        return None
    days_left = (round.deadline - today).days
    if 0 <= days_left <= DAY and report.day_reminder_at is None:
        return "day"
    if DAY < days_left <= WEEK and report.week_reminder_at is None:
        return "week"
    return None


def send_reminders(today=None):
    """Queue the letters due ``today``; returns how many were queued."""
    today = today or timezone.localdate()
    queued = 0
    districts = list(MunicipalDistrict.objects.in_default_locale().order_by("name"))
    for round in CollectionRound.objects.filter(closed_at=None, deadline__gte=today):
        for district in districts:
            with transaction.atomic():
                report = report_for(round, district)
                kind = due(round, report, today)
                if kind is None:
                    continue
                for coordinator in coordinators_of(district.pk):
                    queue_letter(
                        "reporting/mail/reminder.txt",
                        {
                            "report": report,
                            "coordinator": coordinator,
                            "days_left": (round.deadline - today).days,
                            "link": report_link(report),
                        },
                        coordinator.email,
                        locales.default_language(),
                    )
                    queued += 1
                setattr(report, f"{kind}_reminder_at", timezone.now())
                report.save(update_fields=[f"{kind}_reminder_at"])
    return queued
