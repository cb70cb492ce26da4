"""Searching the monitoring reports by text and by facets — year, district below target, indicator, direction —
through the site's faceting engine (``search.faceting``): the same results and counts on either search backend,
and the database when OpenSearch cannot be reached. Each report declares its facets in ``search_facets``
(``MonitoringReportPage``, computed by ``facet_values``); counts are over the current results (each chosen facet
narrows the others)."""

from dataclasses import dataclass, field

from django.utils.text import Truncator

from atlas.models import MunicipalDistrict
from portal import search_engine
from search.facet_menu import Label, by_slug
from search.faceting import faceted_search

from .models.indicators import Indicator, MonitoringDirection, show_in_language
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
    found = faceted_search(reports, query, selected, backend=search_engine.alias_for(backend))
    return FacetResult(found.results, {facet: found.counts.get(facet, {}) for facet in FACETS})


def labels():
    """Facet value → ``Label``, for the page: districts, indicators and directions in the visitor's language,
    with one query for each and one for the translations of each outside the default language."""
    districts = MunicipalDistrict.objects.in_default_locale()
    return {
        "district": by_slug(districts, "name"),
        "indicator": numbered(Indicator.objects.in_default_locale()),
        "direction": numbered(MonitoringDirection.objects.in_default_locale()),
    }


def numbered(items):
    """{number: «4. Доля …»} for indicators or directions, shortened for a list of facets."""
    return {
        str(item.number): Label(Truncator(f"{item.number}. {item.shown.name}").chars(90), item.shown)
        for item in show_in_language(items)
    }
