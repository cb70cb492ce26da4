"""The portal's counts into the monitoring: indicator 1 («share of students who took a career diagnostic and
got an individual route on it») as observations of origin «portal» — routes built (numerator) of the
diagnostics completed (denominator) — for every district and for the krai, for each grade band and for all
grades together. Run by ``manage.py publish_diagnostics`` (nightly, from cron)."""

from collections import defaultdict

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from monitoring.portal_counts import ALL_GRADES, PortalCount
from monitoring.portal_counts import publish as publish_count

from .models import DiagnosticTally

DIAGNOSTICS = PortalCount(
    indicator=1,
    source="Портал «Учись и работай в Хабаровском крае»: анонимные результаты «Конструктора карьеры»",
    caption=_("Counted by the portal («Конструктор карьеры»): diagnostics completed and routes built"),
    denominator=_("Diagnostics completed"),
    numerator=_("Routes built"),
    # xgettext:no-python-format
    share=_("Routes, % of diagnostics"),
    note=_(
        "The portal counts only the students who took the questionnaire on the portal, anonymously; the "
        "municipalities report the share of all students. The two figures are shown side by side, not added up."
    ),
)


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


def publish():
    """Write the observations whose numbers changed since the last run; returns how many were written."""
    tallies = DiagnosticTally.objects.values("year", "district", "grade_band").annotate(
        completed=Sum("completed"), routes=Sum("routes")
    )
    # A route may be built from a link made the year before: never more routes than diagnostics.
    numbers = {key: (min(routes, completed), completed) for key, (routes, completed) in cells(tallies).items()}
    return publish_count(DIAGNOSTICS, {key: pair for key, pair in numbers.items() if pair[1]})
