"""The fairs' results on the monitoring page: for each past fair of the last years, per employer, the interviews held,
the offers made and the people hired, as the organisers recorded them. Anonymous numbers only: nothing of the
visitors is read here. Two queries for any number of fairs."""

import datetime

from django.db.models import Count, Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitoring.college_work import CollegeWorkColumn
from portal import locales

from .models.booths import Booth, BoothStatus
from .models.pages import FairPage

YEARS_SHOWN = 3
FIGURES = ("interviews", "offers", "hires")


def fairs_with_results(today=None):
    """[(fair in the visitor's language, [booths with results], {figure: total})], the newest fair first."""
    today = today or timezone.localdate()
    since = today.replace(month=1, day=1) - datetime.timedelta(days=365 * (YEARS_SHOWN - 1))
    booths = Booth.objects.filter(status=BoothStatus.ACCEPTED).exclude(interviews=None, offers=None, hires=None)
    fairs = list(
        FairPage.objects.live()
        .filter(locale__language_code=locales.default_language(), ends_on__lt=today, ends_on__gte=since)
        .order_by("-ends_on")
        .prefetch_related(
            Prefetch("booths", queryset=booths.select_related("organisation").order_by("organisation__name"))
        )
    )
    shown = []
    for fair in fairs:
        rows = list(fair.booths.all())
        if rows:
            totals = {name: sum(getattr(row, name) or 0 for row in rows) for name in FIGURES}
            shown.append((fair, rows, totals))
    return shown


def monitoring_block(request, page):
    return render_to_string("fairs/includes/results.html", {"fairs": fairs_with_results()}, request=request)


def college_places(years):
    """{(year, district id): colleges' places} at the fairs of ``years``: each participating college counted once per
    fair, in its own district."""
    through = FairPage.colleges.through
    rows = (
        through.objects.filter(fairpage__starts_on__year__in=years, fairpage__live=True)
        .exclude(educationalorganization__district=None)
        .values("fairpage__starts_on__year", "educationalorganization__district")
        .annotate(places=Count("pk"))
        .order_by()
    )
    return {(row["fairpage__starts_on__year"], row["educationalorganization__district"]): row["places"] for row in rows}


COLLEGES_AT_FAIRS = CollegeWorkColumn(
    _("Colleges at vacancy fairs"),
    college_places,
    _("How many times the district's colleges and universities took part in the vacancy fairs of the year."),
)
