"""The site search: pages and the atlas records that have pages of their own under the atlas, with facet counts, on any
backend. Each backend implements the same two questions for one kind of object — how many match and under
which facet tags, and which ones are on this page of results — so the page and its counts are identical."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Value
from django.utils.translation import pgettext_lazy
from elasticsearch_dsl import A, Q, Search
from elasticsearch_dsl.response import Response
from modelsearch.backends.base import get_model_root
from opensearchpy.exceptions import TransportError
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from atlas.models import EducationalOrganization, Employer, MunicipalDistrict, Sector
from portal import search_engine
from portal.pages import PortalPage, public_pages

from .analysis import stems
from .highlight import query_stems
from .models import IndexedFacet
from .synonyms import expand

KINDS = {
    "profession": pgettext_lazy("search kind", "Professions"),
    "organisation": pgettext_lazy("search kind", "Colleges and universities"),
    "employer": pgettext_lazy("search kind", "Employers"),
    "sector": pgettext_lazy("search kind", "Sectors"),
    "district": pgettext_lazy("search kind", "Districts"),
    "lesson": pgettext_lazy("search kind", "Lessons and kits"),
    "report": pgettext_lazy("search kind", "Monitoring reports"),
    "event": pgettext_lazy("search kind", "Events"),
    "news": pgettext_lazy("search kind", "News"),
    "page": pgettext_lazy("search kind", "Pages"),
}
RECORD_KINDS = {
    "organisation": EducationalOrganization,
    "employer": Employer,
    "sector": Sector,
    "district": MunicipalDistrict,
}
PER_PAGE = 20
RECORDS_SHOWN = 3  # per kind of atlas record, above the pages


@dataclass
class Found:
    results: object  # a page of Django's paginator
    counts: dict = field(default_factory=dict)  # facet -> {value: count}
    records: dict = field(default_factory=dict)  # atlas kind -> its first matches, when no kind is chosen


def querysets(locale):
    return {
        "page": public_pages().filter(locale=locale).specific(),
        **{kind: model.objects.filter(locale=locale) for kind, model in RECORD_KINDS.items()},
    }


def search(text, locale, selected, page_number=1, backend=None):
    """The results for ``text`` in ``locale`` with the chosen facet values (``{"kind": "news", …}``), from
    the default backend with the database as its fallback, or from the named ``backend`` alone."""
    query = expand(text)
    kind = selected.get("kind")
    other_tags = [f"{name}:{value}" for name, value in selected.items() if name != "kind"]

    def on(backend):
        scope_class = OpenSearchScope if hasattr(backend, "es") else DatabaseScope
        scopes = querysets(locale)
        counted = {name: scope_class(backend, queryset, query, other_tags) for name, queryset in scopes.items()}
        if kind in RECORD_KINDS:
            scope = counted[kind]
        elif kind:
            scope = scope_class(backend, scopes["page"], query, [*other_tags, f"kind:{kind}"])
        else:
            scope = counted["page"]  # the same search as the one counted for the kinds
        scope_class.count_together([*counted.values(), scope])  # one round trip for every count on the page
        kind_counts = {}  # over every kind of object, with the other facets applied
        for name, one in counted.items():
            total, tags = one.counts()
            if name == "page":
                kind_counts.update({tag[5:]: n for tag, n in tags.items() if tag.startswith("kind:")})
            elif total:
                kind_counts[name] = total
        total, counts = scope.counts()
        results = Paginator(LazyResults(total, scope.fetch), PER_PAGE).get_page(page_number)
        results.object_list = list(results.object_list)
        records = {}
        if not kind:  # the atlas records are shown in groups above the pages
            records = {name: best_records(counted[name], text) for name in RECORD_KINDS if kind_counts.get(name)}
        facet_counts = {"kind": kind_counts}
        for tag, n in counts.items():
            name, _sep, value = tag.partition(":")
            if name != "kind":
                facet_counts.setdefault(name, {})[value] = n
        return Found(results, facet_counts, records)

    return on(get_search_backend(backend)) if backend else search_engine.run(on)


def best_records(scope, text, how_many=RECORDS_SHOWN):
    """The first ``how_many`` atlas records of a kind that match: those whose name holds more of the query's words
    first, then by name. A kind is a short reference list, so all its matches are read in one query and ranked
    here, the same way on every backend (the database backend's ranked slice would cost three queries a kind)."""
    wanted = query_stems(text)
    return sorted(scope.every_match(), key=lambda record: (-len(wanted & set(stems(record.name))), record.name))[
        :how_many
    ]


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


def tag_column(backend, model):
    """The OpenSearch field of the facet tags. For pages it is declared on ``PortalPage``, so any of its page
    types names it (plain Wagtail pages have none)."""
    if model is Page:
        model = next(m for m in get_indexed_models() if issubclass(m, PortalPage) and not m._meta.abstract)
    fields = model.get_search_fields()
    tags = next(f for f in fields if isinstance(f, index.FilterField) and f.field_name == "search_facet_tags")
    return backend.mapping_class(model).get_field_column_name(tags)


class DatabaseScope:
    """One kind of object on the database backend: facet filters and counts through ``IndexedFacet``. Every
    indexed object has exactly one «kind:» tag, so the number of matches is the sum of the «kind:» counts."""

    def __init__(self, backend, queryset, query, tags):
        self.content_type = ContentType.objects.get_for_model(get_model_root(queryset.model))
        for tag in tags:
            tagged = IndexedFacet.objects.filter(content_type=self.content_type, tag=tag).values("object_id")
            queryset = queryset.filter(id__in=tagged)
        self.results = backend.search(query, queryset)
        self._counts = None

    def tag_counts(self, number):
        """The facet tags of the matches and how many have each, as rows labelled ``number``."""
        matched = self.results.get_queryset().order_by().values("pk")
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
        if self._counts is None:
            self.count_together([self])
        return self._counts

    def fetch(self, start, stop):
        return list(self.results[start:stop])

    def every_match(self):
        return list(self.results.get_queryset())


class OpenSearchScope:
    """One kind of object on OpenSearch: Wagtail's compiled query, with facet filters and a terms aggregation
    over the facet tags built with elasticsearch-dsl and sent through Wagtail's own client."""

    def __init__(self, backend, queryset, query, tags):
        self.backend, self.queryset = backend, queryset
        self.column = tag_column(backend, queryset.model)
        compiled = backend.query_compiler_class(queryset, query).get_query()
        # Dict form: keyword arguments would turn the «__» of Wagtail's field names into dots.
        filters = [Q({"term": {self.column: tag}}) for tag in tags]
        self.search = Search().query(Q("bool", must=[Q(compiled)], filter=filters))
        self.index = backend.get_index_for_model(queryset.model).name

        self._counts = None

    def _send(self, search):
        return Response(search, self.backend.es.search(index=self.index, body=search.to_dict()))

    def count_search(self):
        search = self.search.extra(size=0, track_total_hits=True)
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

    def counts(self):
        if self._counts is None:
            self.count_together([self])
        return self._counts

    def fetch(self, start, stop):
        if stop <= start:
            return []
        search = self.search.extra(from_=start, size=stop - start, _source=False, stored_fields=["pk"])
        pks = [int(hit.meta["fields"]["pk"][0]) for hit in self._send(search)]
        objects = self.queryset.model.objects.filter(pk__in=pks)
        if self.queryset.model is Page:
            objects = objects.specific()
        by_pk = {obj.pk: obj for obj in objects}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def every_match(self):
        return self.fetch(0, self.counts()[0])
