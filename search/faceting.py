"""The faceted search engine of the site search, the report search and any later faceted list.

A model declares its facets once, in ``search_facets()`` (``portal.facets.Faceted``); each object is indexed
with them as «name:value» tags: a keyword field counted with one terms aggregation on OpenSearch, rows of
``IndexedFacet`` on the database backend (``search.backends.facets``). A *scope* is one queryset searched for
some text (or for nothing: every object) with some facet values chosen; it answers the same two questions on
either backend — how many match and under which tags, and which ones are on this page — so results and counts
are identical. Counts are over the current results: each chosen value narrows the others. Every count of a
page is asked together: one query (a UNION ALL) on the database, one multi-search on OpenSearch.

``faceted_search`` is the whole thing for one queryset, on the default backend with the database as its
fallback (``portal.search_engine``); the site search combines scopes itself (one per kind, counted together).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Value
from elasticsearch_dsl import A, Q, Search
from elasticsearch_dsl.response import Response
from modelsearch.backends.base import get_model_root
from opensearchpy.exceptions import TransportError
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models
from wagtail.search.query import MATCH_ALL, PlainText

from portal import search_engine
from portal.pages import PortalPage

from .models import IndexedFacet


@dataclass
class FacetedResults:
    results: object  # every match in order, or the requested page of them (a page of Django's paginator)
    total: int
    counts: dict = field(default_factory=dict)  # facet -> {value: count}


def faceted_search(queryset, query, selected, *, page=None, per_page=20, order_by_relevance=None, backend=None):
    """The objects of ``queryset`` that match ``query`` (text, all its words; a Wagtail query; or empty for
    all) and every chosen facet value of ``selected`` (``{"year": "2022", …}``), with the counts of each facet's
    values among them. Ordered by relevance when there is a query, else by the queryset's order (or as
    ``order_by_relevance`` says). Every match, or page number ``page`` of ``per_page`` when it is given.
    On the default backend with the database as its fallback, or on the ``backend`` alias alone."""
    if order_by_relevance is None:
        order_by_relevance = bool(query)

    def on(search_backend):
        scope = scope_class(search_backend)(
            search_backend, queryset, query, tags(selected), order_by_relevance=order_by_relevance
        )
        total, counts = scope.counts()
        results = scope.fetch(0, total) if page is None else page_of(scope, page, per_page)
        return FacetedResults(results, total, by_facet(counts))

    return run(on, backend)


def run(search, backend=None):
    """``search(backend)`` on the ``backend`` alias, or on the default backend with the database as its fallback.
    ``search`` must evaluate its results inside (count, fetch the page), so that a failure happens there."""
    return search(get_search_backend(backend)) if backend else search_engine.run(search)


def scope_class(backend):
    return OpenSearchScope if hasattr(backend, "es") else DatabaseScope


def tags(selected):
    """The facet tags of chosen values: ``{"year": 2022}`` → ``["year:2022"]``."""
    return [f"{name}:{value}" for name, value in selected.items()]


def by_facet(tag_counts):
    """``{"year:2022": 2}`` → ``{"year": {"2022": 2}}``."""
    counts = {}
    for tag, n in tag_counts.items():
        name, _sep, value = tag.partition(":")
        counts.setdefault(name, {})[value] = n
    return counts


def count_together(scopes):
    """Counts ``scopes`` (all on one backend) in one round trip."""
    if scopes:
        type(scopes[0]).count_together(scopes)


def page_of(scope, number, per_page):
    """Page ``number`` of the scope's results (the first or the last for a bad number); its objects fetched."""
    results = Paginator(LazyResults(scope.counts()[0], scope.fetch), per_page).get_page(number)
    results.object_list = list(results.object_list)
    return results


def text_query(query):
    """A plain string is searched for all its words; an empty one for everything (None)."""
    if isinstance(query, str):
        return PlainText(query, operator="and") if query.strip() else None
    return query


class LazyResults:
    """What Django's paginator needs: the count, known already, and slices fetched on demand."""

    def __init__(self, total, fetch):
        self.total, self.fetch = total, fetch

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return self.fetch(item.start or 0, min(item.stop, self.total))


class DatabaseScope:
    """One queryset on the database backend: facet filters and counts through ``IndexedFacet``. Every indexed
    object has exactly one «kind:» tag, so the number of matches is the sum of the «kind:» counts."""

    def __init__(self, backend, queryset, query, tags, *, order_by_relevance=True, whole=False):
        # ``whole`` (a short list read whole, see OpenSearchScope) changes nothing here: every_match is one query.
        self.content_type = ContentType.objects.get_for_model(get_model_root(queryset.model))
        for tag in tags:
            tagged = IndexedFacet.objects.filter(content_type=self.content_type, tag=tag).values("object_id")
            queryset = queryset.filter(id__in=tagged)
        query = text_query(query)
        if query is None:
            self.results = self.matched = queryset
        else:
            self.results = backend.search(query, queryset, order_by_relevance=order_by_relevance)
            self.matched = self.results.get_queryset()
        self._counts = None

    def tag_counts(self, number):
        """The facet tags of the matches and how many have each, as rows labelled ``number``."""
        matched = self.matched.order_by().values("pk")
        return (
            IndexedFacet.objects.filter(content_type=self.content_type, object_id__in=matched)
            .values("tag")
            .annotate(n=Count("id"), scope=Value(number))
            .values_list("scope", "tag", "n")
        )

    @classmethod
    def count_together(cls, scopes):
        """Counts ``scopes`` in one query (a UNION ALL of their GROUP BYs) rather than two per scope."""
        distinct = list({id(scope): scope for scope in scopes if scope._counts is None}.values())
        if not distinct:
            return
        first, *rest = [scope.tag_counts(number) for number, scope in enumerate(distinct)]
        tags = [{} for _scope in distinct]
        for number, tag, n in first.union(*rest, all=True) if rest else first:
            tags[number][tag] = n
        for scope, counted in zip(distinct, tags, strict=True):
            scope._counts = sum(n for tag, n in counted.items() if tag.startswith("kind:")), counted

    def counts(self):
        """(the number of matches, {tag: how many of them have it})."""
        if self._counts is None:
            self.count_together([self])
        return self._counts

    def fetch(self, start, stop):
        return list(self.results[start:stop]) if stop > start else []

    def every_match(self):
        """All matches, in no particular order."""
        return list(self.matched)


def tag_column(backend, model):
    """The OpenSearch field of the facet tags. For pages it is declared on ``PortalPage``, so any of its page
    types names it (plain Wagtail pages have none)."""
    if model is Page:
        model = next(m for m in get_indexed_models() if issubclass(m, PortalPage) and not m._meta.abstract)
    fields = model.get_search_fields()
    tags = next(f for f in fields if isinstance(f, index.FilterField) and f.field_name == "search_facet_tags")
    return backend.mapping_class(model).get_field_column_name(tags)


# A short list read whole (``whole``: the atlas records the site search shows) gets its matches with its counts, in
# the same request, when it has at most this many; a longer one is read by a request of its own.
WHOLE_AT_MOST = 200


class OpenSearchScope:
    """One queryset on OpenSearch: Wagtail's compiled query (text, the queryset's filters and order), with facet
    filters and a terms aggregation over the facet tags built with elasticsearch-dsl and sent through Wagtail's
    own client."""

    def __init__(self, backend, queryset, query, tags, *, order_by_relevance=True, whole=False):
        self.backend, self.queryset, self.whole = backend, queryset, whole
        self._keys = None  # the matches' keys, in order, when they came with the counts
        self.column = tag_column(backend, queryset.model)
        query = text_query(query)
        compiler = backend.query_compiler_class(
            queryset, MATCH_ALL if query is None else query, order_by_relevance=order_by_relevance
        )
        # Dict form: keyword arguments would turn the «__» of Wagtail's field names into dots.
        filters = [Q({"term": {self.column: tag}}) for tag in tags]
        self.search = Search().query(Q("bool", must=[Q(compiler.get_query())], filter=filters))
        sort = compiler.get_sort()
        if sort:
            self.search = self.search.sort(*sort)
        self.index = backend.get_index_for_model(queryset.model).name
        self._counts = None

    def _send(self, search):
        return Response(search, self.backend.es.search(index=self.index, body=search.to_dict()))

    def count_search(self):
        search = self.search.extra(size=0, track_total_hits=True)
        if self.whole:
            search = search.extra(size=WHOLE_AT_MOST, _source=False, stored_fields=["pk"])
        search.aggs.bucket("tags", A("terms", field=self.column, size=1000))
        return search

    @classmethod
    def count_together(cls, scopes):
        """Counts ``scopes`` in one multi-search request rather than one request per scope."""
        distinct = list({id(scope): scope for scope in scopes if scope._counts is None}.values())
        if not distinct:
            return
        body = []
        for scope in distinct:
            body += [{"index": scope.index}, scope.count_search().to_dict()]
        answers = distinct[0].backend.es.msearch(body=body)["responses"]
        for scope, answer in zip(distinct, answers, strict=True):
            if "error" in answer:  # a missing index, a bad query: failed as a single search would have
                raise TransportError(answer.get("status", "N/A"), str(answer["error"])[:500], answer)
            response = Response(scope.count_search(), answer)
            scope._counts = (
                response.hits.total.value,
                {bucket.key: bucket.doc_count for bucket in response.aggregations.tags.buckets},
            )
            if scope.whole and response.hits.total.value <= WHOLE_AT_MOST:
                scope._keys = [int(hit.meta["fields"]["pk"][0]) for hit in response.hits]

    def counts(self):
        """(the number of matches, {tag: how many of them have it})."""
        if self._counts is None:
            self.count_together([self])
        return self._counts

    def fetch(self, start, stop):
        if stop <= start:
            return []
        search = self.search.extra(from_=start, size=stop - start, _source=False, stored_fields=["pk"])
        return self._objects([int(hit.meta["fields"]["pk"][0]) for hit in self._send(search)])

    def _objects(self, pks):
        """The objects of the keys ``pks``, in their order."""
        objects = self.queryset.model.objects.filter(pk__in=pks)
        if self.queryset.model is Page:  # what a result shows is not in StreamFields: they are neither read nor parsed
            objects = objects.defer_streamfields().specific()
        by_pk = {obj.pk: obj for obj in objects}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def every_match(self):
        """All matches, in the order of the search."""
        total = self.counts()[0]
        return self._objects(self._keys) if self._keys is not None else self.fetch(0, total)
