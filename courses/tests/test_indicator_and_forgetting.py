"""Indicator 3 counted from the confirmed completions (numbers worked out by hand), and the daily forgetting of
enrolments that keeps the completions' count."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from courses import enrolling
from courses.indicator import publish_course_completions
from courses.models import Enrolment, EnrolmentStatus
from monitoring.models import Indicator, Observation

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator_3(districts):
    """Indicator 3 with last year's teaching staff: 30 in Amursky, 50 in Vaninsky."""
    indicator = Indicator.objects.create(number=3, name="Доля педагогов, прошедших курсы", unit=Indicator.PERCENT)
    year = timezone.localdate().year - 1
    for key, staff in (("amursk", 30), ("vanino", 50)):
        Observation.objects.create(
            indicator=indicator, district=districts[key], year=year, numerator=3, denominator=staff
        )
    return indicator


def call_forget():
    out = io.StringIO()
    call_command("forget_course_enrolments", stdout=out)
    return out.getvalue()


def completed(course, user, organiser):
    return enrolling.mark_completed(enrolling.enrol(course, user), organiser)


def test_teachers_who_completed_are_divided_by_the_staff_the_municipality_reported(
    make_course, teacher, organiser, districts, indicator_3, django_capture_on_commit_callbacks
):
    first, second = make_course("Первый"), make_course("Второй")
    boss = organiser("boss", first, second)
    amursk = [teacher(f"amur{number}", "amursk") for number in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for user in amursk:
            completed(first, user, boss)
        completed(second, amursk[0], boss)  # the same teacher again: counted once
        completed(first, teacher("vanino1", "vanino"), boss)
        enrolling.enrol(second, teacher("vanino2", "vanino"))  # enrolled, not completed: not counted
    year = timezone.localdate().year
    portal = {o.district_id: o for o in Observation.objects.from_portal().filter(indicator=indicator_3, year=year)}
    amur, vanino = portal[districts["amursk"].pk], portal[districts["vanino"].pk]
    assert (amur.numerator, amur.denominator, amur.value) == (3, 30, 10)
    assert (vanino.numerator, vanino.denominator, vanino.value) == (1, 50, 2)
    assert (portal[None].numerator, portal[None].denominator, portal[None].value) == (4, 80, 5)
    assert "число педагогических работников района" in amur.comment
    assert publish_course_completions.call() == 0  # nothing changed since
    out = io.StringIO()
    call_command("publish_course_completions", stdout=out)
    assert "0 observation(s) of indicator 3" in out.getvalue()


def test_forgetting_keeps_completions_without_the_teacher_and_the_count_survives(
    make_course, teacher, organiser, districts, indicator_3, settings
):
    settings.COURSE_ENROLMENTS_KEPT_DAYS = 365
    today = timezone.localdate()
    old = make_course("Давний", starts_on=today - datetime.timedelta(days=400), enrolment_open=True)
    recent = make_course("Недавний", starts_on=today - datetime.timedelta(days=30))
    boss = organiser("boss", old, recent)
    Enrolment.objects.all().delete()
    users = [teacher(f"t{number}") for number in range(3)]
    # Enrolments made while the courses were open (written directly: enrolment has closed since).
    for course in (old, recent):
        for user in users:
            Enrolment.objects.create(course=course, teacher=user, full_name=user.username, district=districts["amursk"])
    old_done = Enrolment.objects.get(course=old, teacher=users[0])
    enrolling.mark_completed(old_done, boss)
    enrolling.mark_completed(Enrolment.objects.get(course=recent, teacher=users[1]), boss)
    counted_before = publish_course_completions.call()
    assert counted_before >= 1

    # An account deleted meanwhile: its enrolment is forgotten all the same.
    gone = teacher("gone")
    Enrolment.objects.create(course=old, teacher=gone, full_name="Ушедший педагог", district=districts["amursk"])
    gone.delete()
    out = io.StringIO()
    call_command("forget_course_enrolments", stdout=out)
    assert "1 completion(s) anonymised, 3 enrolment(s) deleted" in out.getvalue()
    old_done.refresh_from_db()
    assert (old_done.teacher, old_done.full_name, old_done.district, old_done.status) == (
        None,
        "",
        districts["amursk"],
        EnrolmentStatus.COMPLETED,
    )
    assert Enrolment.objects.filter(course=recent).count() == 3  # within its keeping time
    assert not Enrolment.objects.filter(full_name="Ушедший педагог").exists()
    assert "0 completion(s) anonymised, 0 enrolment(s) deleted" in call_forget()
    assert publish_course_completions.call() == 0  # the count did not change
    assert "forget_course_enrolments" in settings.DAILY_COMMANDS
    assert "publish_course_completions" in settings.DAILY_COMMANDS


def test_the_indicator_page_shows_the_portal_count_beside_the_reported_figure(
    client, make_course, teacher, organiser, indicator_3, site_tree
):
    from monitoring.models import MonitoringIndexPage

    course = make_course()
    boss = organiser("boss", course)
    for number in range(3):
        completed(course, teacher(f"amur{number}"), boss)
    publish_course_completions.call()
    home, _english = site_tree
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = client.get("/monitoring/pokazatel/3/").content.decode()
    table = re.sub(r">\s+<", "><", page[page.index("Подсчитано порталом: педагоги, прошедшие курс") :])
    assert "Педагогических работников в районе (по данным ОМСУ)" in table
    assert "<td>30</td><td>3</td><td>10</td>" in table
    assert "нижняя граница" in table


def test_without_indicator_3_the_command_says_what_to_do(db):
    with pytest.raises(CommandError, match="Indicator 3 is not in the monitoring"):
        call_command("publish_course_completions")
