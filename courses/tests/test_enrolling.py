"""Who may enrol on a course, and when the portal refuses; withdrawing; the organiser's confirmation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from courses import enrolling
from courses.models import Enrolment, EnrolmentStatus
from portal.account_requests import RequestStatus

pytestmark = pytest.mark.django_db


def test_an_approved_teacher_enrols_with_their_school_and_district_copied(make_course, teacher, districts):
    course = make_course()
    user = teacher("petrova", "vanino")
    enrolment = enrolling.enrol(course, user)
    assert (enrolment.status, enrolment.district, enrolment.school, enrolment.full_name) == (
        EnrolmentStatus.ENROLLED,
        districts["vanino"],
        "МБОУ СОШ № 1 (petrova)",
        "Учитель petrova",
    )
    assert course.places_left() is None


def refusal(course, user):
    with pytest.raises(enrolling.Refused) as refused:
        enrolling.enrol(course, user)
    return str(refused.value.message)


def test_anyone_but_an_approved_teacher_is_refused(make_course, teacher):
    course = make_course()
    student = get_user_model().objects.create_user("student", "student@example.ru", "Student-pass-2026")
    unapproved = teacher("novikova", status=RequestStatus.CONFIRMED)
    for user in (AnonymousUser(), student, unapproved):
        assert "подтверждённой" in refusal(course, user)
    assert not Enrolment.objects.exists()


def test_a_full_closed_or_past_deadline_course_and_a_second_enrolment_are_refused(make_course, teacher):
    today = timezone.localdate()
    full = make_course("Полный курс", places=1)
    enrolling.enrol(full, teacher("first"))
    assert full.places_left() == 0
    second = teacher("second")
    assert "Все места" in refusal(full, second)
    assert "закрыта" in refusal(make_course("Закрытый", enrolment_open=False), second)
    late = make_course("Поздно", enrolment_closes_on=today - timezone.timedelta(days=1))
    assert "закончилась" in refusal(late, second)
    course = make_course("Обычный")
    enrolling.enrol(course, second)
    assert "уже записаны" in refusal(course, second)
    assert Enrolment.objects.filter(teacher=second).count() == 1


def test_a_withdrawn_place_is_free_again_and_the_teacher_may_come_back(make_course, teacher):
    course = make_course(places=1)
    first, second = teacher("first"), teacher("second")
    enrolment = enrolling.enrol(course, first)
    enrolling.withdraw(enrolment)
    assert course.places_left() == 1
    enrolling.enrol(course, second)
    assert "Все места" in refusal(course, first)
    with pytest.raises(enrolling.Refused):
        enrolling.withdraw(enrolment)  # withdrawn already


def test_only_the_courses_organiser_confirms_and_a_teacher_counts_once_a_year(
    make_course, teacher, organiser, django_capture_on_commit_callbacks
):
    first, second = make_course("Первый"), make_course("Второй")
    ours, theirs = organiser("ours", first, second), organiser("theirs", make_course("Чужой"))
    user = teacher("petrova")
    one, two = enrolling.enrol(first, user), enrolling.enrol(second, user)
    with pytest.raises(enrolling.Refused):
        enrolling.mark_completed(one, theirs)
    with django_capture_on_commit_callbacks() as callbacks:
        enrolling.mark_completed(one, ours)
        enrolling.mark_completed(two, ours)
    published = [callback for callback in callbacks if "publish_course_completions" in repr(callback)]
    assert len(published) == 2  # indicator 3 queued after each
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.status, one.completed_on, one.counted) == (EnrolmentStatus.COMPLETED, timezone.localdate(), True)
    assert (two.status, two.counted) == (EnrolmentStatus.COMPLETED, False)
    with pytest.raises(enrolling.Refused):
        enrolling.mark_completed(one, ours)  # completed already
