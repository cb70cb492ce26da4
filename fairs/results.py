"""The fairs' results on the monitoring page: for each past fair of the last years, per employer, the interviews held,
the offers made and the people hired, as the organisers recorded them. Anonymous numbers only: nothing of the
visitors is read here. Two queries for any number of fairs."""

import datetime

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

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
