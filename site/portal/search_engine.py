"""Where a search runs: on the default backend (OpenSearch in the scaled tier) and, when OpenSearch cannot be
reached, on the database backend that the scaled tier keeps up to date beside it (settings). The visitor sees
results either way.

A failed search opens a circuit breaker, kept in the shared cache (Redis in the scaled tier, files on one machine)
so that every web process and server sees it: for ``BREAKER_SECONDS`` searches go straight to the database,
without waiting for OpenSearch's timeout again. After that the next search tries OpenSearch once more. The outage
is logged once, and its end once too.
While OpenSearch is away its index misses nothing for long: failed index updates are retried
(``search.indexing``); ``manage.py update_index --backend default`` rebuilds the whole index behind its alias.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from opensearchpy.exceptions import TransportError
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

FALLBACK = "database"
BREAKER_KEY = "portal-search-engine-breaker"
BREAKER_SECONDS = 60
_outage = False  # whether this process saw OpenSearch fail, to log once when it answers again


def has_fallback():
    return FALLBACK in settings.WAGTAILSEARCH_BACKENDS


def alias_for(backend):
    """The search backend alias a faceted list asks when a caller (a test, a benchmark) names one: "database" is the
    fallback where the scaled tier has one, anything else the default; None (the normal case) leaves the choice with
    the default and its fallback."""
    if backend is None:
        return None
    return FALLBACK if backend == "database" and has_fallback() else "default"


def is_available():
    """False while the breaker is open: OpenSearch failed less than ``BREAKER_SECONDS`` ago."""
    return caches["shared"].get(BREAKER_KEY) is None


def failed(error):
    """Open the breaker after OpenSearch failed with ``error``; logged by the first process to see it."""
    global _outage
    _outage = True
    if caches["shared"].add(BREAKER_KEY, str(error)[:500], BREAKER_SECONDS):
        logger.error(
            "OpenSearch is unreachable (%s); searches use the database backend for the next %s s.",
            error,
            BREAKER_SECONDS,
        )


def answered():
    global _outage
    if _outage:
        logger.warning("OpenSearch answers again; searches use it.")
        _outage = False


def run(search):
    """``search(backend)`` on the default backend, or on the database backend while OpenSearch does not answer.

    ``search`` must evaluate its results inside (count them, take the page), so that a failure happens here."""
    if not has_fallback():
        return search(get_search_backend("default"))
    if is_available():
        try:
            outcome = search(get_search_backend("default"))
        except TransportError as error:  # refused, timed out, missing index, cluster error
            failed(error)
        else:
            answered()
            return outcome
    return search(get_search_backend(FALLBACK))
