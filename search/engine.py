"""Where a search runs: on the default backend (OpenSearch in the scaled tier) and, when OpenSearch cannot be
reached, on the database backend that the scaled tier keeps up to date beside it (settings). The visitor sees
results either way; the outage is logged once per process, and its end once too. While OpenSearch is away its
index misses the pages saved meanwhile: ``manage.py update_index --backend default`` rebuilds it into a new
index and switches the alias to it (``ATOMIC_REBUILD``), so searches keep working during the rebuild.
"""

import logging

from django.conf import settings
from opensearchpy.exceptions import TransportError
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

FALLBACK = "database"
_outage = False  # whether this process has already logged that OpenSearch is unreachable


def run(search):
    """``search(backend)`` on the default backend, or on the database backend if OpenSearch does not answer.

    ``search`` must evaluate its results inside (count them, take the page), so that a failure happens here."""
    global _outage
    try:
        outcome = search(get_search_backend("default"))
    except TransportError as error:  # connection refused, timeout, missing index, cluster error
        if FALLBACK not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        if not _outage:
            logger.error("OpenSearch is unreachable (%s); answering searches from the database backend.", error)
            _outage = True
        return search(get_search_backend(FALLBACK))
    if _outage:
        logger.warning("OpenSearch answers again; searches use it. Run update_index to index what it missed.")
        _outage = False
    return outcome
