"""The OpenSearch backend of the scaled tier, with a Russian analysis chain.

Wagtail's OpenSearch mapping gives no explicit analyzer to ordinary text fields, so redefining the
index's ``default`` analyzer makes every searchable text field Russian-aware, while the autocomplete
fields keep Wagtail's own ``edgengram_analyzer``.

A search that OpenSearch does not answer within ``SEARCH_TIMEOUT`` is not retried: the visitor is answered
from the database backend instead (``portal.search_engine``). Building an index (``update_index``) may take
longer, so requests other than searches and single-document writes get ``MAINTENANCE_TIMEOUT``.
"""

from opensearchpy import Transport

SEARCH_TIMEOUT = 2  # seconds
MAINTENANCE_TIMEOUT = 60  # seconds: creating an index, bulk writes, aliases

RUSSIAN_ANALYSIS = {
    "char_filter": {
        # «ё» and «е» are written interchangeably in Russian: index and query both as «е».
        "yo_to_ye": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]},
    },
    "filter": {
        "russian_stop": {"type": "stop", "stopwords": "_russian_"},
        "russian_stemmer": {"type": "stemmer", "language": "russian"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["yo_to_ye"],
            "filter": ["lowercase", "russian_stop", "russian_stemmer", "english_stemmer"],
        },
    },
}


class QuickSearchTransport(Transport):
    """Searches (``_search``, ``_msearch``, ``_count``) and single-document writes (``_doc``) keep the client's short
    timeout; everything else — index creation, mappings, aliases, ``_bulk`` — gets the maintenance timeout."""

    QUICK = ("/_search", "/_msearch", "/_count", "/_doc/")

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        quick = any(part in url for part in self.QUICK)
        if timeout is None and not quick and "request_timeout" not in (params or {}):
            timeout = MAINTENANCE_TIMEOUT
        return super().perform_request(
            method, url, params=params, body=body, timeout=timeout, ignore=ignore, headers=headers
        )


def opensearch_backend(url, index_name):
    """Settings for the OpenSearch backend pointed at ``url``."""
    return {
        # Wagtail's OpenSearch 2 backend, whose failed index updates are kept for a retry.
        "BACKEND": "search.backends.opensearch",
        "URLS": [url],
        # Wagtail names one index per root model (pages, images, …), each after this prefix.
        "INDEX_PREFIX": f"{index_name}_",
        # No retries, of a timeout or a refused connection: the search is answered from the database instead.
        "TIMEOUT": SEARCH_TIMEOUT,
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False, "transport_class": QuickSearchTransport},
        # update_index builds a new index and then switches the alias: searches keep working meanwhile.
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": {
            "settings": {
                "index": {"number_of_shards": 1, "number_of_replicas": 0},
                "analysis": RUSSIAN_ANALYSIS,
            }
        },
    }
