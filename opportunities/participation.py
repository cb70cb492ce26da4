"""Employers' and colleges' participation in the programme, for the monitoring pages: per district (where the
opportunity takes place), how many approved organisations held how many opportunities in a year, on how many dates,
and how many students came (as the organisations recorded it). One query for any number of districts."""

from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone

from atlas.models import MunicipalDistrict
from partners.models import Status
from portal import locales

from .models import BookingStatus, OpportunitySlot


def figures(year):
    """[(district shown in the visitor's language, organisations, opportunities, dates, students who came)], by
    district name, and the krai's totals; online opportunities count under no district."""
    slots = OpportunitySlot.objects.filter(
        date__year=year, opportunity__published=True, opportunity__organisation__status=Status.APPROVED
    )
    came = Sum("bookings__attended", filter=Q(bookings__status=BookingStatus.CONFIRMED))
    rows = (
        slots.values("opportunity__district")
        .annotate(
            organisations=Count("opportunity__organisation", distinct=True),
            opportunities=Count("opportunity", distinct=True),
            dates=Count("id", distinct=True),
            came=came,
        )
        .order_by()
    )
    by_district = {row["opportunity__district"]: row for row in rows}
    districts = list(MunicipalDistrict.objects.filter(pk__in=[pk for pk in by_district if pk]))
    shown = dict(zip(districts, locales.localized(districts), strict=True))
    table = sorted(((shown[d], by_district[d.pk]) for d in districts), key=lambda pair: pair[0].name)
    totals = slots.aggregate(
        organisations=Count("opportunity__organisation", distinct=True),
        opportunities=Count("opportunity", distinct=True),
        dates=Count("id", distinct=True),
        came=came,
    )
    return table, totals


def monitoring_block(request, page):
    """The table «Участие работодателей и колледжей» of this year on the monitoring section's page."""
    year = timezone.localdate().year
    table, totals = figures(year)
    return render_to_string(
        "opportunities/includes/participation.html",
        {"year": year, "table": table, "totals": totals},
        request=request,
    )
