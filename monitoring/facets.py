"""Searching the monitoring reports by text and by facets — year, district below target, indicator, direction —
through the site's faceting engine (``search.faceting``): the same results and counts on either search backend,
and the database when OpenSearch cannot be reached. Each report declares its facets in ``search_facets``
(``MonitoringReportPage``, computed by ``facet_values``); counts are over the current results (each chosen facet
narrows the others)."""

from dataclasses import dataclass, field

from django.utils.text import Truncator

from atlas.models import MunicipalDistrict
from portal import locales, search_engine
from search.faceting import faceted_search

from .models.indicators import Indicator, MonitoringDirection
from .models.reports import MonitoringReportPage, facet_values

__all__ = ["FACETS", "FacetResult", "facet_values", "labels", "search_reports"]

FACETS = ("year", "district", "indicator", "direction")


@dataclass
class FacetResult:
    reports: list
    counts: dict = field(default_factory=dict)  # facet -> {value: count}


def search_reports(query="", selected=None, *, locale=None, backend=None):
    """Reports matching ``query`` (may be empty: all its words otherwise) and every chosen facet value, by
    relevance when there is a query, else newest first, with the counts of each facet's values among them. On
    the default search backend, with the database as its fallback (``portal.search_engine``), or on the named
    ``backend`` alone: "opensearch" or "database"."""
    selected = {facet: str(value) for facet, value in (selected or {}).items() if value}
    reports = MonitoringReportPage.objects.live().public().order_by("-year", "title")
    if locale is not None:
        reports = reports.filter(locale=locale)
    alias = None
    if backend is not None:
        alias = search_engine.FALLBACK if backend == "database" and search_engine.has_fallback() else "default"
    found = faceted_search(reports, query, selected, backend=alias)
    return FacetResult(found.results, {facet: found.counts.get(facet, {}) for facet in FACETS})


def labels():
    """Facet value → label, for the page."""
    return {
        "district": dict(
            MunicipalDistrict.objects.filter(locale__language_code=locales.default_language()).values_list(
                "slug", "name"
            )
        ),
        "indicator": {str(i.number): Truncator(f"{i.number}. {i.name}").chars(90) for i in Indicator.objects.all()},
        "direction": {
            str(d.number): Truncator(f"{d.number}. {d.name}").chars(90) for d in MonitoringDirection.objects.all()
        },
    }
