"""Wagtail's SQLite (FTS5) search backend with Russian and English morphology, keeping the facet rows.

Wagtail's FTS5 backend matches words exactly, so «сварщиком» would not find «Сварщик»: here the index stores,
and the query is turned into, Snowball stems (``search.analysis``). The autocomplete column keeps whole words
(only lower-cased, «ё» as «е») because it is matched by prefix.
"""

from django.db.models import Case, F, IntegerField, When
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import analyse, words

from .facets import FacetIndexMixin

NOTHING = Not(MatchAll())


def rewrite(query, text):
    """``query`` with the text of every word query passed through ``text``; parts left empty are dropped."""
    if isinstance(query, PlainText):
        query_string = text(query.query_string)
        return PlainText(query_string, operator=query.operator, boost=query.boost) if query_string else None
    if isinstance(query, Phrase):
        query_string = text(query.query_string)
        return Phrase(query_string) if query_string else None
    if isinstance(query, (And, Or)):
        parts = [part for part in (rewrite(sub, text) for sub in query.subqueries) if part is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = rewrite(query.subquery, text)
        return None if inner is None else Not(inner)
    return query


class OnePassRelevanceMixin:
    def search(self, config, start, stop, score_field=None):
        """Results by relevance without Wagtail's per-row score subquery, which re-runs the full-text match for
        every matching row (33 s for a word in 10,000 pages, 79 s for a prefix in the suggestions): the scores
        are read in one pass of the index, the matching ids of the filtered queryset in one query, and only the
        requested slice is fetched, in order. Unsliced (counting, facets) it is the plain filtered queryset."""
        query = normalize(self.query)
        if score_field is not None or not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field=score_field)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        # «+ 0» keeps SQLite from driving the query by the content-type index and testing MATCH row by row
        # (80 s for a common prefix): the full-text index finds the rows, then their types are checked.
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .alias(entry_type=F("index_entry__content_type_id") + 0)
            .filter(entry_type__in=get_descendants_content_types_pks(self.queryset.model))
        )
        queryset = self.queryset.filter(pk__in=entries.values("index_entry__object_id"))
        if not start and stop is None:
            return queryset
        scores = dict(
            entries.annotate(score=self._build_rank_expression(self.get_search_vectors(), config)).values_list(
                "index_entry__object_id", "score"
            )
        )
        ids = sorted(queryset.values_list("pk", flat=True), key=lambda pk: (scores.get(str(pk), 0), -pk))[start:stop]
        order = Case(*(When(pk=pk, then=position) for position, pk in enumerate(ids)), output_field=IntegerField())
        return self.queryset.filter(pk__in=ids).order_by(order) if ids else self.queryset.none()


class StemmingQueryCompiler(OnePassRelevanceMixin, SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A query of stop words only («для», «и») matches nothing, as on PostgreSQL and OpenSearch.
        self.query = rewrite(self.query, analyse) or NOTHING


class WordAutocompleteQueryCompiler(OnePassRelevanceMixin, SQLiteAutocompleteQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = rewrite(self.query, lambda text: " ".join(words(text))) or NOTHING


class StemmedEntriesIndex(SQLiteIndex):
    """Stores stems in the title and body columns instead of the words themselves."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type = get_content_type_pk(model)
        texts = {}
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            texts[indexer.id] = {
                "title": analyse(indexer.title),
                "body": analyse(indexer.body),
                "autocomplete": " ".join(words(indexer.autocomplete)),
            }
        if not texts:
            return
        entries = self.entries.filter(content_type_id=content_type)
        indexed = set(entries.filter(object_id__in=texts).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**texts[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type, object_id=object_id, **fields)
            for object_id, fields in texts.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class StemmingIndex(FacetIndexMixin, StemmedEntriesIndex):
    pass


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = StemmingQueryCompiler
    autocomplete_query_compiler_class = WordAutocompleteQueryCompiler
    index_class = StemmingIndex
