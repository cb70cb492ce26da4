"""What the portal counts itself, beside what the municipalities report: an app that counts for an indicator (the
career builder's diagnostics for indicator 1, the bookings' attendance for indicator 9) describes its count with a
``PortalCount`` returned from the Wagtail hook ``register_portal_count``, and writes its figures with ``publish``.
The monitoring shows them with those words and never imports the apps that count."""

from collections import defaultdict
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
    note: str
    # A share's denominator and share headings; a count (an indicator whose unit is a count) leaves them empty and
    # publishes cells with no denominator, (number, None).
    denominator: str = ""
    share: str = ""


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


def students_reported(indicator_number):
    """{district id: [(year, students)]}, newest year first: the denominators of the municipalities' current
    observations of the indicator."""
    reported = defaultdict(list)
    rows = (
        Observation.objects.reported()
        .filter(
            indicator__number=indicator_number,  # observations link the indicator's original row only
            is_current=True,
            district__isnull=False,
            denominator__isnull=False,
        )
        .order_by("-year")
        .values_list("district", "year", "denominator")
    )
    for district, year, students in rows:
        reported[district].append((year, students))
    return reported


def newest_until(reported, year):
    """The newest (year, students) reported for ``year`` or before; None when there is none."""
    return next(((seen, students) for seen, students in reported if seen <= year), None)


def shares_of_reported(indicator_number, counted, whole="обучающихся"):
    """The portal does not know how many students a district has: a count is divided by the number its municipality
    reported with its own figure of the indicator (the denominator of its newest current observation for that year
    or before). ``counted``: {(year, district id, band or ALL_GRADES): number}; a band is divided by the district's
    whole number, so the bands add up to its share. A district without such a report is counted nowhere; the krai is
    the sum of the districts counted, divided by the students of every district that reported them. Returns the
    cells for ``publish``, {(year, district id or None, band): (number, students)}, and a comment for each saying
    where its denominator came from; ``whole`` names what the denominator counts in those comments (genitive plural:
    «обучающихся», «образовательных организаций»)."""
    reported = students_reported(indicator_number)
    numbers_counted = defaultdict(int)
    for (year, district, band), number in counted.items():
        if newest_until(reported.get(district, []), year) is None:
            continue
        numbers_counted[year, district, band] += number
        numbers_counted[year, None, band] += number
    numbers, comments = {}, {}
    for year, district, band in numbers_counted:
        if district is None:
            known = [newest_until(seen, year) for seen in reported.values()]
            students = sum(pair[1] for pair in known if pair)
            comment = f"Знаменатель — сумма {whole} районов по данным ОМСУ (показатель {indicator_number})."
        else:
            seen, students = newest_until(reported[district], year)
            comment = (
                f"Знаменатель — число {whole} района по данным ОМСУ за {seen} год (показатель {indicator_number})."
            )
        numbers[year, district, band] = (numbers_counted[year, district, band], students)
        comments[year, district, band] = comment
    return numbers, comments
