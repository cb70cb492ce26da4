"""The OpenSearch backend of the scaled tier, with a Russian analysis chain.

Wagtail's OpenSearch mapping gives no explicit analyzer to ordinary text fields, so redefining the
index's ``default`` analyzer makes every searchable text field Russian-aware, while the autocomplete
fields keep Wagtail's own ``edgengram_analyzer``.
"""

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


def opensearch_backend(url, index_name):
    """Settings for Wagtail's OpenSearch 2 backend pointed at ``url``."""
    return {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": [url],
        # Wagtail names one index per root model (pages, images, …), each after this prefix.
        "INDEX_PREFIX": f"{index_name}_",
        # Timeouts are not retried: a search that waited this long is answered from the database instead.
        "TIMEOUT": 10,
        "OPTIONS": {},
        # update_index builds a new index and then switches the alias: searches keep working meanwhile.
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": {
            "settings": {
                "index": {"number_of_shards": 1, "number_of_replicas": 0},
                "analysis": RUSSIAN_ANALYSIS,
            }
        },
    }
