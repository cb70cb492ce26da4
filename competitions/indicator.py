"""Indicator 10 from the portal: «the number of career-guidance competitions among the krai's students and teachers».
A competition counts in the year of its results (``results_on``) once an editor has published them on the portal;
demonstration competitions never count. The figure is a count for the whole krai (no district: the krai's
competitions are the krai's), published as observations of origin «portal» beside the municipalities' reported
ones (monitoring.portal_counts), when results are published and daily (``manage.py publish_competitions``)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from monitoring.portal_counts import ALL_GRADES, PortalCount, publish

from .models import CompetitionPage

HELD = PortalCount(
    indicator=10,
    source="Портал «Учись и работай в Хабаровском крае»: конкурсы профориентационной направленности, итоги которых "
    "опубликованы на портале",
    caption=_("Counted by the portal: career-guidance competitions whose results were published here"),
    numerator=_("Competitions held"),
    note=_(
        "A competition is counted in the year its results were announced, once the editors have published them on "
        "the portal. Competitions held without the portal are only in the municipalities' figures, so the two are "
        "shown side by side."
    ),
)


def held_per_year():
    """{year: competitions} whose results were published, by the year of ``results_on``."""
    rows = (
        CompetitionPage.objects.live()
        .filter(results_published_at__isnull=False, is_demonstration=False)
        .values("results_on__year")
        .annotate(held=Count("pk"))
        .order_by()
    )
    return {row["results_on__year"]: row["held"] for row in rows}


def cells():
    """The cells for ``publish``: {(year, None, ALL_GRADES): (competitions, None)} — a count has no denominator."""
    return {(year, None, ALL_GRADES): (held, None) for year, held in held_per_year().items()}


@task()
def publish_held():
    """Write the observations of indicator 10 whose numbers changed; returns how many were written. Queued when an
    editor publishes results, and run daily by ``manage.py publish_competitions``."""
    return publish(HELD, cells())
