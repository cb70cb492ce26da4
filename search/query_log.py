"""The search query log: how often each query is asked (Wagtail's ``Query`` and ``QueryDailyHits``, its «Search
terms» report) and which queries found nothing (``UnansweredQuery``). It is written while the visitor waits, so
best effort (``portal.best_effort``): a locked database loses a count, never the page.

It keeps a window, not a history: daily counts older than ``WAGTAILSEARCH_HITS_MAX_AGE`` days go, with the
queries asked only before then (unless editors promoted pages for them), and at most ``MAX_QUERIES`` distinct
queries stay (the least recently asked go first), so that a flood of random queries cannot fill the disk
either. Pruning runs at most once an hour per process, right after a query is logged: no scheduler is
needed on any tier, and the deletes stay small because they run often."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from portal.best_effort import best_effort

from .models import UnansweredQuery

MAX_QUERIES = 20_000
PRUNE_KEY = "search-query-log-pruned"
PRUNE_EVERY_SECONDS = 3600


def logged_query(text):
    """The logged ``Query`` for ``text`` (with its editors' picks), or None; writes nothing."""
    return Query.objects.filter(query_string=normalise_query_string(text)).first()


def record(text, found_nothing):
    best_effort("Search query log", count, text, found_nothing)
    if cache.add(PRUNE_KEY, True, PRUNE_EVERY_SECONDS):
        best_effort("Search query log pruning", prune)


def count(text, found_nothing):
    logged = Query.get(text)
    logged.add_hit()
    if found_nothing:
        UnansweredQuery.record(logged)


def prune():
    window = getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7)
    QueryDailyHits.garbage_collect(days=window)
    UnansweredQuery.objects.filter(last_asked__lt=timezone.localdate() - datetime.timedelta(days=window)).delete()
    Query.garbage_collect()  # the queries left without daily counts and without editors' picks
    excess = Query.objects.count() - MAX_QUERIES
    if excess > 0:
        least_recent = (
            Query.objects.filter(editors_picks__isnull=True)
            .annotate(last_asked=Max("daily_hits__date"))
            .order_by("last_asked", "pk")
            .values_list("pk", flat=True)[:excess]
        )
        Query.objects.filter(pk__in=list(least_recent)).delete()
