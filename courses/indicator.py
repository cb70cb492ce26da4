"""Indicator 3 from the portal: «the share of teaching staff who completed professional-development programmes on
innovative practices of students' professional self-determination». Organisers confirm on the portal that a teacher
completed a course of the catalogue (courses.enrolling.mark_completed); the teachers who completed at least one course
are counted per year of completion and district (the district of the teacher's account when they enrolled), each
teacher once a year (``Enrolment.counted``), and divided by the number of teaching staff the municipality reported
with its own figure of indicator 3 (monitoring.portal_counts.shares_of_reported).

Courses taken elsewhere, or not confirmed here, are only in the municipality's figure: the portal's is a lower bound
shown beside it, never instead of it."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from monitoring.portal_counts import ALL_GRADES, PortalCount, publish, shares_of_reported

from .models.courses import Enrolment, EnrolmentStatus

COMPLETIONS = PortalCount(
    indicator=3,
    source="Портал «Учись и работай в Хабаровском крае»: педагоги, прошедшие курсы повышения квалификации из "
    "каталога портала (прохождение подтверждено организатором курса)",
    caption=_("Counted by the portal: teachers who completed a course of the portal's catalogue"),
    denominator=_("Teaching staff of the district (reported by the municipality)"),
    numerator=_("Teachers who completed a course"),
    # xgettext:no-python-format
    share=_("Completed, % of the district's teaching staff"),
    note=_(
        "The portal counts the teachers whose completion of a course of its catalogue the course's organiser "
        "confirmed, once a year each, in the district of their account; it divides them by the number of teaching "
        "staff the municipality reported. Courses taken elsewhere are only in the municipality's figure, so the "
        "portal's is a lower bound, shown beside the municipality's."
    ),
)


def completions():
    """{(year, district id): teachers who completed at least one course that year}."""
    rows = (
        Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, counted=True, district__isnull=False)
        .values("completed_on__year", "district")
        .annotate(teachers=Count("pk"))
        .order_by()
    )
    return {(row["completed_on__year"], row["district"]): row["teachers"] for row in rows}


def cells():
    """The observations to write and a comment on each denominator (monitoring.portal_counts.shares_of_reported)."""
    counted = {(year, district, ALL_GRADES): teachers for (year, district), teachers in completions().items()}
    return shares_of_reported(COMPLETIONS.indicator, counted, whole="педагогических работников")


@task()
def publish_course_completions():
    """Write the observations of indicator 3 whose numbers changed; returns how many were written. Queued when an
    organiser confirms a completion, and run daily by ``manage.py publish_course_completions``."""
    numbers, comments = cells()
    return publish(COMPLETIONS, numbers, comments)
