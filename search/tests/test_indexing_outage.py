"""An edit made while OpenSearch is down or hanging is saved, found by the fallback search at once, and
kept for OpenSearch: the update it missed is recorded and written by the retry once OpenSearch is back."""

import pytest
from django.core.cache import caches
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from conftest import forget_indexed_pages, require_service
from home.factories import ContentPageFactory
from portal import search_engine
from portal.tests.helpers import run_worker
from search.indexing import retry_index_updates
from search.models import PendingIndexUpdate


def edit_and_publish(page, title):
    page.title = title
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_an_edit_during_an_outage_is_saved_searchable_and_kept_for_opensearch(client, site_tree, search_at, outage):
    home, _ = site_tree
    page = ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    other = ContentPageFactory(parent=home, title="Сварщик")
    search_at(outage.url)

    edit_and_publish(page, "Лесничий-инспектор")  # no exception: the save never waits for OpenSearch's answer
    assert page.live and Page.objects.get(pk=page.pk).title == "Лесничий-инспектор"
    if outage.kind == "hanging":
        assert outage.connections() == 1  # tried once, then the breaker kept the other updates away
    edit_and_publish(other, "Сварщик-монтажник")
    if outage.kind == "hanging":
        assert outage.connections() == 1

    found = client.get("/search/", {"q": "инспектор"})  # from the database backend, updated with the page
    assert [p.title for p in found.context["results"]] == ["Лесничий-инспектор"]
    pending = {int(p.object_id) for p in PendingIndexUpdate.objects.all()}
    assert pending == {page.pk, other.pk}
    assert PendingIndexUpdate.objects.get(object_id=str(page.pk)).failures >= 2  # one row, however many misses
    # The retry waits in the background queue for the breaker's minute.
    retries = DBTaskResult.objects.filter(task_path="search.indexing.retry_index_updates", status="READY")
    assert retries.count() == 1 and retries.get().run_after > timezone.now()


def test_the_retry_waits_while_opensearch_is_still_away(site_tree, search_at, outage):
    home, _ = site_tree
    search_at(outage.url)
    ContentPageFactory(parent=home, title="Лесничий")
    caches["shared"].delete(search_engine.BREAKER_KEY)  # the breaker closed, OpenSearch still away
    retry_index_updates.call()
    assert PendingIndexUpdate.objects.count() == 1  # kept, not dropped


@pytest.mark.opensearch
# Transactional: the worker closes a connection it finds inside a transaction (as a test's would be).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_retry_writes_into_opensearch_what_it_missed(site_tree, search_at, settings):
    require_service("OpenSearch", "OPENSEARCH_URL", "the retry writes into OpenSearch")
    from conftest import closed_port_url

    forget_indexed_pages()
    home, _ = site_tree
    real = settings.WAGTAILSEARCH_BACKENDS
    search_at(closed_port_url())
    page = ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    edit_and_publish(page, "Лесничий-инспектор")
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()

    settings.WAGTAILSEARCH_BACKENDS = real  # OpenSearch is back
    caches["shared"].delete(search_engine.BREAKER_KEY)  # and the breaker's minute is over
    ContentPageFactory(parent=home, title="Сварщик")  # taken by OpenSearch: the retry is queued at once
    run_worker()
    backend = get_search_backend("default")
    backend.refresh_indexes()
    assert [p.title for p in backend.search("инспектор", Page)] == ["Лесничий-инспектор"]
    assert [p.title for p in backend.search("сварщик", Page)] == ["Сварщик"]
    assert not PendingIndexUpdate.objects.exists()
