"""Data minimisation: ``forget_teacher_requests`` (daily) deletes lapsed unconfirmed requests and rejected ones past
``TEACHER_REJECTED_KEPT_DAYS`` with their closed accounts, and nothing else."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from teachers import accounts
from teachers.models import TeacherRequest

pytestmark = pytest.mark.django_db


def forget():
    out = io.StringIO()
    call_command("forget_teacher_requests", stdout=out)
    return out.getvalue().strip()


def test_lapsed_and_old_rejected_requests_are_deleted_with_their_closed_accounts(
    requested, confirmed, editor, settings
):
    rejected = confirmed(email="rejected@example.ru")
    accounts.reject(rejected, editor, "Не педагог.")
    approved = confirmed(email="approved@example.ru")
    accounts.approve(approved, editor)
    confirmed(email="waiting@example.ru")
    requested(email="unconfirmed@example.ru")

    assert forget() == "0 request(s) deleted"  # nothing is old yet
    assert TeacherRequest.objects.count() == 4

    TeacherRequest.objects.filter(pk=rejected.pk).update(decided_at=timezone.now() - timedelta(days=29))
    assert forget() == "0 request(s) deleted"  # kept 30 days
    TeacherRequest.objects.filter(pk=rejected.pk).update(decided_at=timezone.now() - timedelta(days=31))
    TeacherRequest.objects.update(created_at=timezone.now() - timedelta(days=4))  # every link has expired
    assert forget() == "2 request(s) deleted"

    assert set(TeacherRequest.objects.values_list("email", flat=True)) == {"approved@example.ru", "waiting@example.ru"}
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert "rejected@example.ru" not in users and "unconfirmed@example.ru" not in users
    assert {"approved@example.ru", "waiting@example.ru"} <= users
    assert get_user_model().objects.get(username="approved@example.ru").is_active


def test_the_kept_period_is_a_setting(confirmed, editor, settings):
    rejected = confirmed()
    accounts.reject(rejected, editor, "Не педагог.")
    TeacherRequest.objects.filter(pk=rejected.pk).update(decided_at=timezone.now() - timedelta(days=8))
    settings.TEACHER_REJECTED_KEPT_DAYS = 7
    assert forget() == "1 request(s) deleted"
    assert not TeacherRequest.objects.exists()
