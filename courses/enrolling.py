"""Enrolment from the teacher's button to the organiser's confirmation, and forgetting it when the course is long over.

Places are never given twice: the enrolment is written while the course's row is locked (``select_for_update``), so a
second teacher taking the last place waits until the first commits and then counts the places again. On PostgreSQL
that is a row lock; SQLite has no row locks (Django ignores ``select_for_update`` there), but the site's SQLite
transactions begin IMMEDIATE (portal.settings.base), which queues the writers the same way."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teachers.in_use import teacher_of

from .indicator import publish_course_completions
from .models.courses import TAKING_PLACES, Course, Enrolment, EnrolmentStatus


class Refused(Exception):
    """Why the portal did not do what was asked, in words for the visitor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def enrol(course, user):
    """Enrol ``user`` (a teacher with an approved account) on ``course``, or take them back after they withdrew.
    Raises ``Refused`` for anyone else, a course closed to enrolment or full, and a teacher enrolled already."""
    teacher = teacher_of(user)
    if teacher is None:
        raise Refused(_("Only teachers whose account on the portal has been approved can enrol on courses."))
    today = timezone.localdate()
    with transaction.atomic():
        course = Course.objects.select_for_update().get(pk=course.pk)
        if not course.enrolment_open:
            raise Refused(_("Enrolment on this course is closed."))
        if today > course.enrolment_closes_on:
            raise Refused(
                _("Enrolment on this course closed on %(date)s.") % {"date": f"{course.enrolment_closes_on:%d.%m.%Y}"}
            )
        enrolment = Enrolment.objects.filter(course=course, teacher=user).first()
        if enrolment is not None and enrolment.status != EnrolmentStatus.WITHDRAWN:
            raise Refused(_("You are already enrolled on this course."))
        taken = course.enrolments.filter(status__in=TAKING_PLACES).count()
        if course.places is not None and taken >= course.places:
            raise Refused(_("All places on this course are taken."))
        enrolment = enrolment or Enrolment(course=course, teacher=user)
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.full_name = teacher.full_name
        enrolment.district_id = teacher.district_id
        enrolment.school = teacher.school
        enrolment.enrolled_at = timezone.now()
        enrolment.save()
    return enrolment


def withdraw(enrolment):
    """The teacher gives their place back; only while enrolled and before the course has ended."""
    if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.course.has_ended():
        raise Refused(_("This enrolment can no longer be withdrawn."))
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save(update_fields=["status"])
    return enrolment


def mark_completed(enrolment, organiser):
    """An organiser of the course confirms that the teacher has completed it. The date is the course's last day, or
    today when confirmed before it; the completion is counted for indicator 3 when it is the teacher's first in that
    year, and the indicator is published once this commits."""
    if not Course.objects.organised_by(organiser).filter(pk=enrolment.course_id).exists():
        raise Refused(_("Only an organiser of the course can confirm that it was completed."))
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise Refused(_("Only an enrolled teacher's completion can be confirmed."))
    with transaction.atomic():
        completed_on = min(timezone.localdate(), enrolment.course.ends_on)
        # The teacher's account locked: two organisers confirming at once count the teacher once.
        get_user_model().objects.select_for_update().filter(pk=enrolment.teacher_id).first()
        earlier = Enrolment.objects.filter(
            teacher_id=enrolment.teacher_id, counted=True, completed_on__year=completed_on.year
        )
        enrolment.counted = enrolment.teacher_id is not None and not earlier.exists()
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_on = completed_on
        enrolment.save(update_fields=["status", "completed_on", "counted"])
        transaction.on_commit(publish_course_completions.enqueue)
    return enrolment


def forget_past_keeping(today=None):
    """Enrolments on courses that ended ``COURSE_ENROLMENTS_KEPT_DAYS`` ago: the completed ones lose the teacher
    (account and name; the district and school stay for indicator 3), the others are deleted. Returns
    (anonymised, deleted)."""
    old = Enrolment.objects.past_keeping(today)
    with transaction.atomic():
        anonymised = old.filter(status=EnrolmentStatus.COMPLETED).update(teacher=None, full_name="")
        deleted, _by_model = old.exclude(status=EnrolmentStatus.COMPLETED).delete()
    return anonymised, deleted
