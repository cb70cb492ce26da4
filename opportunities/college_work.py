"""The colleges' own offers for direction 8 of the monitoring (monitoring.college_work): how many sessions of
professional trials, excursions, master classes and open days colleges and universities published on the portal in a
year, by the district where they are held."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from monitoring.college_work import CollegeWorkColumn

from .models import OpportunitySlot


def college_sessions(years):
    rows = (
        OpportunitySlot.objects.filter(
            date__year__in=years,
            opportunity__published=True,
            opportunity__organisation__educational_organization__isnull=False,
        )
        .values("date__year", "opportunity__district")
        .annotate(sessions=Count("pk"))
        .order_by()
    )
    return {(row["date__year"], row["opportunity__district"]): row["sessions"] for row in rows}


COLUMN = CollegeWorkColumn(
    _("Colleges' trials, excursions and open days on the portal"),
    college_sessions,
    _(
        "Sessions (dates) of the professional trials, excursions, master classes and open days that colleges and "
        "universities published on the portal for the year, by the district where they are held."
    ),
)
