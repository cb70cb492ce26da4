"""Direction 8 of the monitoring, «work with professional educational organisations and universities», computed from
the portal's own records per district and year: the atlas's open days of colleges and the completeness of their
entries in the handbook for applicants (here), and what other apps register with the hook
``register_college_work_column`` (the colleges' trials and open days booked on the portal, their places at the
vacancy fairs), which the monitoring shows without importing those apps. One query per column."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from atlas.models import EducationalOrganization, MunicipalDistrict, OpenDay
from portal import locales

YEARS_LOOKED_BACK = 3  # the block shows the newest of the last three years with any record


@dataclass(frozen=True)
class CollegeWorkColumn:
    heading: str | Promise
    counts: Callable[[list], dict]  # years -> {(year, district id): number}, in one query
    note: str | Promise = ""  # how it is counted, in words, under the table
    percent: bool = False


def open_days(years):
    rows = (
        OpenDay.objects.filter(date__year__in=years, organisation__district__isnull=False)
        .values("date__year", "organisation__district")
        .annotate(days=Count("pk"))
        .order_by()
    )
    return {(row["date__year"], row["organisation__district"]): row["days"] for row in rows}


def handbook_completeness(years):
    """The share of the district's colleges and universities whose handbook entry is whole: address, website, the
    conditions for students with disabilities, and an open day in the year."""
    whole = Q(address__gt="") & Q(website__gt="") & Q(accessibility__gt="")
    rows = (
        EducationalOrganization.objects.filter(locale__language_code=locales.default_language(), district__isnull=False)
        .values("district")
        .annotate(
            all=Count("pk", distinct=True),
            **{
                f"complete_{year}": Count("pk", distinct=True, filter=whole & Q(open_days__date__year=year))
                for year in years
            },
        )
        .order_by()
    )
    return {
        (year, row["district"]): (Decimal(row[f"complete_{year}"]) * 100 / row["all"]).quantize(
            Decimal("1"), rounding=ROUND_HALF_UP
        )
        for row in rows
        for year in years
    }


OWN_COLUMNS = [
    CollegeWorkColumn(
        _("Colleges' open days (atlas)"),
        open_days,
        _("Open days the colleges and universities of the district announced in the atlas for the year."),
    ),
    CollegeWorkColumn(
        _("Handbook entries complete, %"),
        handbook_completeness,
        _(
            "The share of the district's colleges and universities whose entry in the handbook for applicants has the "
            "address, the website, the conditions for students with disabilities and an open day in the year."
        ),
        percent=True,
    ),
]


def columns():
    return [*OWN_COLUMNS, *(register() for register in hooks.get_hooks("register_college_work_column"))]


def newest_year_with_records(today=None):
    """(year, columns, [(district, [value per column])]): the newest of the last YEARS_LOOKED_BACK years with any
    record, and the districts with any value in it; one query per column, one for the districts."""
    year = (today or timezone.localdate()).year
    years = list(range(year, year - YEARS_LOOKED_BACK, -1))
    shown = columns()
    values = [column.counts(years) for column in shown]
    recorded = [y for y in years if any(counts.get(key) for counts in values for key in counts if key[0] == y)]
    year = recorded[0] if recorded else year
    ids = {district for counts in values for (seen, district), value in counts.items() if seen == year and value}
    originals = list(MunicipalDistrict.objects.in_default_locale().filter(pk__in=ids).order_by("name")) if ids else []
    rows = [
        (shown_district, [counts.get((year, original.pk)) for counts in values])
        for original, shown_district in zip(originals, locales.localized(originals), strict=True)
    ]
    return year, shown, rows


def monitoring_block(request, page):
    year, shown, rows = newest_year_with_records()
    return render_to_string(
        "monitoring/includes/college_work.html", {"year": year, "columns": shown, "rows": rows}, request=request
    )
