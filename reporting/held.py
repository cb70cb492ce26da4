"""Indicators 7 and 8 from the events the coordinators record as held (reporting.models.HeldEvent): the children of
kindergartens and grades 1–4 who took part in events (7, early career guidance), and the young people with
disabilities who took part (8), by the year of the event and its district, written as observations of origin
«portal» beside what the municipalities report. A child at two events is counted twice, as the municipalities'
forms count participations too; the note under each table says so."""

from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from monitoring.portal_counts import ALL_GRADES, PortalCount, publish, shares_of_reported

from .models import HeldEvent

SOURCE = "Портал «Учись и работай в Хабаровском крае»: мероприятия, отмеченные муниципальными координаторами"
EARLY = PortalCount(
    indicator=7,
    source=SOURCE,
    caption=_("Counted by the portal: children in early career-guidance events the districts recorded"),
    denominator=_("Students of the district (reported by the municipality)"),
    numerator=_("Kindergarten children and grades 1–4 who took part"),
    # xgettext:no-python-format
    share=_("Took part, % of the district's students"),
    note=_(
        "The portal adds up the kindergarten children and the pupils of grades 1–4 in the events the district's "
        "coordinator recorded as held, and divides them by the number of students the municipality reported. A child "
        "at two events is counted twice, and events nobody recorded are only in the municipality's figure."
    ),
)
DISABILITIES = PortalCount(
    indicator=8,
    source=SOURCE,
    caption=_("Counted by the portal: young people with disabilities in the events the districts recorded"),
    denominator=_("Students with disabilities in the district (reported by the municipality)"),
    numerator=_("Took part, with disabilities"),
    # xgettext:no-python-format
    share=_("Took part, % of the district's students with disabilities"),
    note=_(
        "The portal adds up the participants with disabilities of the events the district's coordinator recorded as "
        "held and divides them by the number the municipality reported. A person at two events is counted twice."
    ),
)


def participants():
    """{(year, district id): (early-guidance children, participants with disabilities)} of every recorded event."""
    rows = (
        HeldEvent.objects.annotate(year=ExtractYear("date"))
        .values("year", "district")
        .annotate(early=Sum(F("preschool") + F("grades_1_4")), disabled=Sum("with_disabilities"))
        .order_by()
    )
    return {(row["year"], row["district"]): (row["early"], row["disabled"]) for row in rows}


def cells():
    """{count: (numbers, comments)} for ``publish``, for both indicators."""
    counted = participants()
    return {
        count: shares_of_reported(
            count.indicator,
            {(year, district, ALL_GRADES): numbers[position] for (year, district), numbers in counted.items()},
        )
        for position, count in enumerate((EARLY, DISABILITIES))
    }


@task()
def publish_held_events():
    """Write the observations of indicators 7 and 8 whose numbers changed; returns how many were written."""
    return sum(publish(count, numbers, comments) for count, (numbers, comments) in cells().items())


def publish_after_commit():
    transaction.on_commit(publish_held_events.enqueue)
