"""The search query log: how often each query is asked (Wagtail's ``Query`` and ``QueryDailyHits``, its «Search
terms» report) and which queries found nothing (``UnansweredQuery``, with the words each one was missing:
``search.missing``).

A search does not write the log itself: each web process counts its searches in memory and hands the counts to
the task queue (``write_counts``) at most every ``SEARCH_LOG_FLUSH_SECONDS``, and when it stops. A search page
then costs no write and holds no write lock (on SQLite, one writer at a time); the price is that a process killed
without warning loses the counts of its last interval, and the report lags by that interval.

The log keeps a window, not a history: daily counts older than ``WAGTAILSEARCH_HITS_MAX_AGE`` days go, with the
queries asked only before then (unless editors promoted pages for them), and at most ``MAX_QUERIES`` distinct
queries stay (the least recently asked go first), so that a flood of random queries cannot fill the disk
either. Pruning runs at most once an hour, after counts are written: no scheduler is needed on any tier, and the
deletes stay small because they run often."""

import atexit
import datetime
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Max, Sum
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal import lookups
from portal.best_effort import best_effort

from .analysis import stems
from .missing import missing_words
from .models import UnansweredQuery

MAX_QUERIES = 20_000
# Distinct queries a process keeps in memory before it writes them out, however recent the last write.
MAX_PENDING = 500
PRUNE_KEY = "search-query-log-pruned"
PRUNE_EVERY_SECONDS = 3600

_pending = Counter()  # (date, normalised query, found nothing) -> searches, in this process since the last write
_lock = threading.Lock()
_last_write = time.monotonic()


def picks(text):
    """The editors' picks for ``text`` (Wagtail's search promotions), live pages or external links, in order: those
    of the query itself, else those of the longest promoted phrase of two or more words that ``text`` holds, in
    any order and form («показатели профориентации по районам» holds «показатели профориентации»). A single word
    inside a longer query says too little to put a page above its results. The promoted queries are read once per
    content version, so most searches ask nothing more."""
    normalised = normalise_query_string(text)
    promoted = lookups.lookup(
        "search-promoted-phrases",
        build=lambda: {
            query: frozenset(stems(query))
            for query in Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
        },
    )
    if normalised not in promoted:
        asked = set(stems(text))
        held = [(len(phrase), query) for query, phrase in promoted.items() if len(phrase) > 1 and phrase <= asked]
        if not held:
            return []
        normalised = max(held)[1]
    promotions = SearchPromotion.objects.filter(query__query_string=normalised).select_related("page")
    return [pick for pick in promotions.order_by("sort_order") if pick.page_id is None or pick.page.live]


POPULAR_SHOWN = 8


def popular(locale=None):
    """The searches to offer when one found nothing: the most asked of the log's window that found something,
    then the queries editors promoted pages for (the seed's, on a new site), up to ``POPULAR_SHOWN``. Read once
    per content version (the log is a window of days: a lag of a publication is of no matter here)."""

    def build():
        since = timezone.localdate() - datetime.timedelta(days=getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7))
        asked = (
            Query.objects.filter(daily_hits__date__gte=since, unanswered__isnull=True)
            .annotate(asked=Sum("daily_hits__hits"))
            .order_by("-asked", "query_string")
            .values_list("query_string", flat=True)[:POPULAR_SHOWN]
        )
        promoted = (
            Query.objects.filter(editors_picks__isnull=False)
            .order_by("query_string")
            .distinct()
            .values_list("query_string", flat=True)[:POPULAR_SHOWN]
        )
        return list(dict.fromkeys([*asked, *promoted]))[:POPULAR_SHOWN]

    return lookups.lookup("search-popular", build=build)


def record(text, found_nothing):
    """Count one search for ``text``; the counts reach the database with the next write of this process."""
    global _last_write
    key = (timezone.localdate().isoformat(), normalise_query_string(text), bool(found_nothing))
    with _lock:
        _pending[key] += 1
        due = time.monotonic() - _last_write >= settings.SEARCH_LOG_FLUSH_SECONDS or len(_pending) >= MAX_PENDING
        if not due:
            return
        counts, _last_write = _take(), time.monotonic()
    _send(counts)


def flush():
    """Hand this process's pending counts to the task queue now (at exit, and in tests)."""
    with _lock:
        counts = _take()
    if counts:
        _send(counts)


def discard_pending():
    """Forget this process's pending counts (for tests: an earlier test's searches are not this one's)."""
    with _lock:
        _pending.clear()


def _take():
    counts = [[date, text, nothing, n] for (date, text, nothing), n in _pending.items()]
    _pending.clear()
    return counts


def _send(counts):
    best_effort("Search query log", write_counts.enqueue, counts)


atexit.register(flush)


@task()
def write_counts(counts):
    """Add ``counts`` ([date, query, found nothing, searches], …) to the log, then prune it if an hour has passed."""
    for date, text, found_nothing, searches in counts:
        logged = Query.get(text)
        daily, _created = QueryDailyHits.objects.get_or_create(query=logged, date=date)
        QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + searches)
        if found_nothing and UnansweredQuery.record(logged, searches):  # new to the list: what did it miss?
            UnansweredQuery.objects.filter(query=logged).update(missing=missing_words(text))
    if cache.add(PRUNE_KEY, True, PRUNE_EVERY_SECONDS):
        prune()


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
