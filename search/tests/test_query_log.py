"""The query log keeps a window: old daily counts go with the queries asked only then, editors' picks stay,
and at most ``MAX_QUERIES`` queries are kept, the least recently asked going first."""

import datetime

from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from conftest import forget_indexed_pages
from search import query_log
from search.models import UnansweredQuery


def asked(text, days_ago, hits=1):
    query = Query.get(text)
    QueryDailyHits.objects.create(query=query, date=timezone.localdate() - datetime.timedelta(days=days_ago), hits=hits)
    return query


def test_pruning_keeps_the_window_and_the_editors_picks(site_tree, settings):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    home, _ = site_tree
    asked("сварщик", 1)
    asked("сварщик", 40)  # the same query, an old day: that day goes, the query stays
    old = asked("лесничий", 40)
    UnansweredQuery.objects.create(query=old, hits=3)
    UnansweredQuery.objects.filter(query=old).update(last_asked=timezone.localdate() - datetime.timedelta(days=40))
    promoted = asked("профориентация", 40)
    SearchPromotion.objects.create(query=promoted, page=home, sort_order=0)

    query_log.prune()

    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["профориентация", "сварщик"]
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == ["сварщик"]
    assert not UnansweredQuery.objects.exists()


def test_pruning_caps_the_number_of_queries(db, monkeypatch):
    monkeypatch.setattr(query_log, "MAX_QUERIES", 2)
    for days_ago, text in enumerate(["сегодня", "вчера", "позавчера", "неделю назад"]):
        asked(text, days_ago)
    query_log.prune()
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["вчера", "сегодня"]


def test_searches_are_logged_and_the_log_pruned_at_most_hourly(client, site_tree, settings):
    forget_indexed_pages()  # nothing to find: the query is also listed as unanswered
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    cache.delete(query_log.PRUNE_KEY)
    asked("давний запрос", 40)
    client.get("/search/", {"q": "лесничий"})  # nothing found: counted and listed as unanswered
    assert not Query.objects.filter(query_string="давний запрос").exists()  # pruned on the first search
    asked("давний запрос", 40)
    client.get("/search/", {"q": "лесничий"})
    assert Query.objects.filter(query_string="давний запрос").exists()  # not again within the hour
    logged = Query.objects.get(query_string="лесничий")
    assert logged.daily_hits.get().hits == 2 and logged.unanswered.hits == 2


def test_a_query_still_unanswered_stays_in_the_report(client, site_tree, settings):
    """Asked 40 days ago and again today, with nothing found either time: the report keeps it (its «last asked»
    moves with every count, not only when it was first recorded)."""
    forget_indexed_pages()
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    old = asked("лесничий", 40)
    UnansweredQuery.objects.create(query=old, hits=1)
    UnansweredQuery.objects.filter(query=old).update(last_asked=timezone.localdate() - datetime.timedelta(days=40))
    client.get("/search/", {"q": "лесничий"})
    query_log.prune()
    assert UnansweredQuery.objects.get(query=old).hits == 2


def test_a_process_writes_its_counts_in_one_task_per_interval(client, site_tree, settings):
    """Searches are counted in memory and written through the task queue at most once per interval: the page
    itself writes nothing, and the counts of several queries and days reach the log in one task."""
    forget_indexed_pages()
    settings.SEARCH_LOG_FLUSH_SECONDS = 10**9
    for text in ["сварщик", "Сварщик ", "лесничий"]:
        client.get("/search/", {"q": text})
    assert not QueryDailyHits.objects.exists()
    query_log.flush()
    counts = dict(QueryDailyHits.objects.values_list("query__query_string", "hits"))
    assert counts == {"сварщик": 2, "лесничий": 1}
    assert UnansweredQuery.objects.get(query__query_string="сварщик").hits == 2
    settings.SEARCH_LOG_FLUSH_SECONDS = 0  # the interval is over: the next search writes
    client.get("/search/", {"q": "лесничий"})
    assert QueryDailyHits.objects.get(query__query_string="лесничий").hits == 2
