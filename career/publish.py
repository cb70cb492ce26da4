"""The portal's counts into the monitoring: indicator 1 («share of students who took a career diagnostic and
got an individual route on it») as observations of origin «portal» — routes built (numerator) of the
diagnostics completed (denominator) — for every district and for the krai, for each grade band and for all
grades together. Run by ``manage.py publish_diagnostics`` (nightly, from cron)."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Sum

from monitoring.models import Indicator, Observation

from .models import DiagnosticTally

INDICATOR_NUMBER = 1
ALL_GRADES = ""


class NoIndicator(Exception):
    pass


def cells(tallies):
    """{(year, district id or None for the krai, grade band or "" for all): [routes, completed]}"""
    sums = defaultdict(lambda: [0, 0])
    for row in tallies:
        for district in {row["district"], None} if row["district"] else {None}:
            for band in (row["grade_band"], ALL_GRADES):
                cell = sums[row["year"], district, band]
                cell[0] += row["routes"]
                cell[1] += row["completed"]
    return sums


@transaction.atomic
def publish():
    """Write the observations whose numbers changed since the last run; returns how many were written."""
    indicator = Indicator.objects.in_default_locale().filter(number=INDICATOR_NUMBER).first()
    if indicator is None:
        raise NoIndicator(
            f"Indicator {INDICATOR_NUMBER} is not in the monitoring yet: load the seed or create it in the admin."
        )
    tallies = DiagnosticTally.objects.values("year", "district", "grade_band").annotate(
        completed=Sum("completed"), routes=Sum("routes")
    )
    current = {
        (o.year, o.district_id, o.grade_band): (o.numerator, o.denominator)
        for o in Observation.objects.from_portal().filter(indicator=indicator, is_current=True)
    }
    written = 0
    for (year, district, band), (routes, completed) in sorted(cells(tallies).items(), key=str):
        if not completed:
            continue
        # A route may be built from a link made the year before: never more routes than diagnostics.
        numbers = (min(routes, completed), completed)
        if current.get((year, district, band)) == numbers:
            continue
        Observation(
            indicator=indicator,
            district_id=district,
            year=year,
            grade_band=band,
            origin=Observation.PORTAL,
            numerator=numbers[0],
            denominator=numbers[1],
            source=Observation.PORTAL_SOURCE,
        ).save()
        written += 1
    return written
