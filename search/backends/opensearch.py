"""Wagtail's OpenSearch 2 backend whose index updates never fail or stall a save: while the circuit breaker
is open (``portal.search_engine``) OpenSearch is not even tried, and an update it does not take is recorded
and retried later (``search.indexing``). Rebuilding the index (``update_index``) is not affected."""

from modelsearch.backends.opensearch2 import OpenSearch2Index, OpenSearch2SearchBackend
from opensearchpy.exceptions import TransportError

from portal import search_engine

from .facets import PrepareFacetsMixin


class Index(PrepareFacetsMixin, OpenSearch2Index):
    pass


class SearchBackend(OpenSearch2SearchBackend):
    index_class = Index
    records_failed_updates = True  # search.indexing retries what this backend could not write

    def add(self, obj):
        return self._update(obj, super().add)

    def delete(self, obj):
        return self._update(obj, super().delete)

    def _update(self, obj, write):
        """Whether OpenSearch took the update; if not, it is recorded for a retry."""
        from search import indexing

        if not search_engine.is_available():
            indexing.record(obj, "not tried: OpenSearch failed less than a minute ago")
            return False
        try:
            write(obj)
        except TransportError as error:
            search_engine.failed(error)
            indexing.record(obj, error)
            return False
        indexing.taken()
        return True
