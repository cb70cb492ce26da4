"""The daily housekeeping: the worker runs DAILY_COMMANDS at DAILY_HOUR, one failing command does not stop the others,
and each run queues the next; scheduling twice queues one run."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands
from django.test import override_settings

from portal.daily import next_run, run_daily_commands, schedule_daily, waiting

pytestmark = pytest.mark.django_db
KHABAROVSK = zoneinfo.ZoneInfo("Asia/Vladivostok")  # UTC+10, as Khabarovsk


def test_every_daily_command_exists():
    assert set(settings.DAILY_COMMANDS) <= set(get_commands())
    assert "forget_booking_contacts" in settings.DAILY_COMMANDS


@override_settings(DAILY_HOUR=3)
def test_the_next_run_is_the_next_daily_hour_of_the_portals_time():
    assert settings.TIME_ZONE in ("Asia/Vladivostok", "Asia/Khabarovsk")
    before = datetime.datetime(2026, 11, 30, 2, 0, tzinfo=KHABAROVSK)
    after = datetime.datetime(2026, 11, 30, 4, 0, tzinfo=KHABAROVSK)
    assert next_run(before) == datetime.datetime(2026, 11, 30, 3, 0, tzinfo=KHABAROVSK)
    assert next_run(after) == datetime.datetime(2026, 12, 1, 3, 0, tzinfo=KHABAROVSK)


def test_scheduling_twice_queues_one_run():
    assert schedule_daily() is True
    assert schedule_daily() is False
    assert waiting().count() == 1
    call_command("schedule_daily")  # says it is queued already, queues nothing
    assert waiting().count() == 1


@override_settings(DAILY_COMMANDS=["no_such_command", "check"])
def test_a_failing_command_does_not_stop_the_others_and_the_run_queues_the_next():
    done = run_daily_commands.call()
    assert done["no_such_command"].startswith("failed: Unknown command")
    assert "no issues" in done["check"]  # ran after the failure
    queued = waiting().get()
    assert queued.run_after == next_run()
