"""Indicator 9 from the portal: «the share of students who went through excursions, internships, practice, master
classes or professional trials at the krai's enterprises and colleges». The students who came, as the organisations
recorded it on confirmed bookings, are counted by the year of the visit, the school's district and the grade band, and
written as observations of origin «portal» beside what the municipalities report (monitoring.portal_counts).

The portal does not know how many students a district has: the denominator is the number the municipality reported
with its own figure of indicator 9 (the denominator of its newest current observation for that year or before). A grade
band is divided by the same number, so the bands of a district add up to its whole share. A district without such a
report, and a booking written before the form asked for the school's district, are counted nowhere; the krai is the sum
of the districts counted."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from monitoring.portal_counts import ALL_GRADES, PortalCount, publish, shares_of_reported

from .models.bookings import Booking, BookingStatus

ATTENDANCE = PortalCount(
    indicator=9,
    source="Портал «Учись и работай в Хабаровском крае»: посещаемость профпроб и экскурсий по записям педагогов",
    caption=_("Counted by the portal: students who came on excursions and trials booked here"),
    denominator=_("Students of the district (reported by the municipality)"),
    numerator=_("Came on excursions and trials"),
    # xgettext:no-python-format
    share=_("Came, % of the district's students"),
    note=_(
        "The portal counts the students the organisations recorded as having come on visits booked on the portal, by "
        "the school's district; it divides them by the number of students the municipality reported. Visits arranged "
        "without the portal are only in the municipality's figure, so the two are shown side by side, not added up."
    ),
)

GRADE_BANDS = [("1-4", range(1, 5)), ("5-7", range(5, 8)), ("8-9", range(8, 10)), ("10-11", range(10, 12))]


def band_of(grade):
    return next(band for band, grades in GRADE_BANDS if grade in grades)


def attendance():
    """{(year, district id, grade): students who came} of the confirmed bookings with attendance recorded."""
    rows = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED, attended__isnull=False, district__isnull=False)
        .annotate(year=ExtractYear("slot__date"))
        .values("year", "district", "grade")
        .annotate(came=Sum("attended"))
        .order_by()
    )
    return {(row["year"], row["district"], row["grade"]): row["came"] for row in rows}


def cells():
    """The observations to write, {(year, district or None, band or ALL_GRADES): (came, students)}, and a comment
    for each saying where its denominator came from (monitoring.portal_counts.shares_of_reported)."""
    counted = defaultdict(int)
    for (year, district, grade), students in attendance().items():
        for band in (band_of(grade), ALL_GRADES):
            counted[year, district, band] += students
    return shares_of_reported(ATTENDANCE.indicator, counted)


@task()
def publish_attendance():
    """Write the observations of indicator 9 whose numbers changed; returns how many were written. Queued when an
    organisation records attendance, and run by ``manage.py publish_attendance``."""
    numbers, comments = cells()
    return publish(ATTENDANCE, numbers, comments)


def publish_after_commit():
    """Queue the publication once the attendance just recorded is committed."""
    transaction.on_commit(publish_attendance.enqueue)
