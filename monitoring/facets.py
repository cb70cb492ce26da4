"""Searching the monitoring reports by text and by facets — year, district, indicator, direction — with the
same results and counts on either search backend.

What a report is tagged with: its year; the directions it covers (all when the editors chose none); the
indicators of those directions; and the districts it shows below target for at least one of them (an analyst
looks for «the reports where my district lagged»). ``facet_values`` computes the tags for any number of
reports with a fixed number of queries; the database path filters and counts with them, and the same values
are indexed into OpenSearch (the report's ``search_*`` methods), where elasticsearch-dsl builds the terms
aggregations. Counts are over the current results (each chosen facet narrows the others)."""

from dataclasses import dataclass, field

from django.utils.text import Truncator
from elasticsearch_dsl import A, Q, Search
from elasticsearch_dsl.response import Response
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from atlas.models import MunicipalDistrict
from portal import search_engine
from portal.search_engine import FALLBACK

from .models.indicators import Indicator, MonitoringDirection
from .models.observations import Observation
from .models.reports import MonitoringReportPage

FACETS = ("year", "district", "indicator", "direction")


def facet_values(reports):
    """{report pk: {facet: set of str}} for ``reports``, with four queries whatever their number."""
    reports = list(reports)
    years = {r.year for r in reports}
    indicators = list(Indicator.objects.select_related("direction").prefetch_related("targets"))
    targets = {(t.indicator_id, t.year): t.value for i in indicators for t in i.targets.all()}
    below = {}  # (year, indicator pk) -> {district slug}
    current = Observation.objects.reported().filter(is_current=True, year__in=years, district__isnull=False)
    for obs in current.select_related("district"):
        target = targets.get((obs.indicator_id, obs.year))
        if target is not None and obs.value < target:
            below.setdefault((obs.year, obs.indicator_id), set()).add(obs.district.slug)
    all_directions = {str(d.number) for d in MonitoringDirection.objects.all()}
    chosen = {}
    for link in MonitoringReportPage.directions.through.objects.filter(monitoringreportpage__in=reports).select_related(
        "monitoringdirection"
    ):
        chosen.setdefault(link.monitoringreportpage_id, set()).add(str(link.monitoringdirection.number))
    values = {}
    for report in reports:
        directions = chosen.get(report.pk)
        covered = [i for i in indicators if not directions or (i.direction and str(i.direction.number) in directions)]
        values[report.pk] = {
            "year": {str(report.year)},
            "direction": directions or all_directions,
            "indicator": {str(i.number) for i in covered},
            "district": set().union(*(below.get((report.year, i.pk), set()) for i in covered)),
        }
    return values


@dataclass
class FacetResult:
    reports: list
    counts: dict = field(default_factory=dict)  # facet -> {value: count}


def search_reports(query="", selected=None, *, locale=None, backend=None):
    """Reports matching ``query`` (may be empty) and every chosen facet value, newest first (or by relevance
    on OpenSearch when there is a query), with the counts of each facet's values among them. On the default
    search backend, with the database as its fallback (``portal.search_engine``), or on the named ``backend``
    alone: "opensearch" or "database"."""
    selected = {k: str(v) for k, v in (selected or {}).items() if v}

    def on(search_backend):
        found = search_opensearch if hasattr(search_backend, "es") else search_database
        return found(query, selected, locale, search_backend)

    if backend is None:
        return search_engine.run(on)
    alias = FALLBACK if backend == "database" and search_engine.has_fallback() else "default"
    return on(get_search_backend(alias))


def _live_reports(locale):
    reports = MonitoringReportPage.objects.live().public()
    return reports.filter(locale=locale) if locale is not None else reports


def search_database(query, selected, locale, backend):
    reports = _live_reports(locale).order_by("-year", "title")
    if query:
        ids = [r.pk for r in backend.search(query, reports, operator="and")]
        reports = reports.filter(pk__in=ids)
    reports = list(reports)
    values = facet_values(reports)
    matching = [r for r in reports if all(v in values[r.pk][f] for f, v in selected.items())]
    counts = {facet: {} for facet in FACETS}
    for report in matching:
        for facet in FACETS:
            for value in values[report.pk][facet]:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return FacetResult(matching, counts)


def field_name(backend, name):
    """The name ``backend``'s OpenSearch mapping gives the report's filter field ``name``."""
    mapping = backend.mapping_class(MonitoringReportPage)
    search_field = next(
        f for f in MonitoringReportPage.get_search_fields() if isinstance(f, index.FilterField) and f.field_name == name
    )
    return mapping.get_field_column_name(search_field)


OPENSEARCH_FIELDS = {
    "year": "search_year",
    "district": "search_districts",
    "indicator": "search_indicators",
    "direction": "search_directions",
}


def opensearch_query(query, selected, locale, backend):
    """The elasticsearch-dsl ``Search`` for the reports: text, facet filters, terms aggregations."""
    # Dict form: keyword arguments would turn the «__» of Wagtail's field names into dots.
    filters = [
        Q("match", _django_content_type="monitoring.MonitoringReportPage"),
        Q({"term": {field_name(backend, "live"): True}}),
    ]
    if locale is not None:
        filters.append(Q({"term": {field_name(backend, "locale"): locale.pk}}))
    for facet, value in selected.items():
        filters.append(Q({"term": {field_name(backend, OPENSEARCH_FIELDS[facet]): value}}))
    must = [Q("match", _all_text={"query": query, "operator": "and"})] if query else []
    search = Search().query(Q("bool", filter=filters, must=must)).extra(size=1000, _source=False)
    search = (
        search.sort("_score", {field_name(backend, OPENSEARCH_FIELDS["year"]): "desc"})
        if query
        else search.sort({field_name(backend, OPENSEARCH_FIELDS["year"]): "desc"})
    )
    for facet, name in OPENSEARCH_FIELDS.items():
        search.aggs.bucket(facet, A("terms", field=field_name(backend, name), size=500))
    return search


def search_opensearch(query, selected, locale, backend):
    search = opensearch_query(query, selected, locale, backend)
    index_name = backend.get_index_for_model(MonitoringReportPage).name
    # The request goes through the backend's own (opensearch-py) client; elasticsearch-dsl reads the answer.
    response = Response(search, backend.es.search(index=index_name, body=search.to_dict()))
    ids = [int(hit.meta.id.split(":")[-1]) if ":" in hit.meta.id else int(hit.meta.id) for hit in response]
    pages = MonitoringReportPage.objects.in_bulk(ids)
    counts = {
        facet: {str(bucket.key): bucket.doc_count for bucket in getattr(response.aggregations, facet).buckets}
        for facet in FACETS
    }
    return FacetResult([pages[i] for i in ids if i in pages], counts)


def labels():
    """Facet value → label, for the page."""
    return {
        "district": dict(MunicipalDistrict.objects.filter(locale__language_code="ru").values_list("slug", "name")),
        "indicator": {str(i.number): Truncator(f"{i.number}. {i.name}").chars(90) for i in Indicator.objects.all()},
        "direction": {
            str(d.number): Truncator(f"{d.number}. {d.name}").chars(90) for d in MonitoringDirection.objects.all()
        },
    }
