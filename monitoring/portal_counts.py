"""What the portal counts itself, beside what the municipalities report: an app that counts for an indicator (the
career builder's diagnostics for indicator 1, the bookings' attendance for indicator 9) describes its count with a
``PortalCount`` returned from the Wagtail hook ``register_portal_count``, and writes its figures with ``publish``.
The monitoring shows them with those words and never imports the apps that count."""

from dataclasses import dataclass

from django.db import transaction
from wagtail import hooks

from .models.indicators import Indicator
from .models.observations import Observation

ALL_GRADES = ""


class NoIndicator(Exception):
    pass


@dataclass(frozen=True)
class PortalCount:
    indicator: int  # the indicator's number
    source: str  # written on each observation, in Russian like the municipalities' sources
    caption: str  # the table's caption; the rest are its column headings and the note under it
    numerator: str
    denominator: str
    share: str
    note: str


def registered():
    """{indicator number: PortalCount} of every app that counts."""
    return {count.indicator: count for register in hooks.get_hooks("register_portal_count") for count in [register()]}


@transaction.atomic
def publish(count, cells, comments=None):
    """Write the observations of ``count`` whose numbers changed since the last run and return how many were written.
    ``cells``: {(year, district id or None for the krai, grade band or ALL_GRADES): (numerator, denominator)};
    ``comments``: an optional {cell key: text} kept on the observation (where a denominator came from)."""
    indicator = Indicator.objects.in_default_locale().filter(number=count.indicator).first()
    if indicator is None:
        raise NoIndicator(
            f"Indicator {count.indicator} is not in the monitoring yet: load the seed or create it in the admin."
        )
    current = {
        (o.year, o.district_id, o.grade_band): (o.numerator, o.denominator)
        for o in Observation.objects.from_portal().filter(indicator=indicator, is_current=True)
    }
    written = 0
    for key, numbers in sorted(cells.items(), key=str):
        if current.get(key) == tuple(numbers):
            continue
        year, district, band = key
        Observation(
            indicator=indicator,
            district_id=district,
            year=year,
            grade_band=band,
            origin=Observation.PORTAL,
            numerator=numbers[0],
            denominator=numbers[1],
            source=count.source,
            comment=(comments or {}).get(key, ""),
        ).save()
        written += 1
    return written
