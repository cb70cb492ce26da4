"""Index updates that OpenSearch missed while it was unreachable are not lost. A saved object's index update
runs in the "default" queue's worker once the save commits (``search.signals``); it writes the database
backend's entry and the OpenSearch entry through ``search.backends.opensearch``, which never waits more than
OpenSearch's short timeout, and does not try at all while the circuit breaker is open. An update OpenSearch does
not take is recorded here.

``retry_index_updates`` writes the recorded updates in the background (the "long" database queue): queued a
breaker's length after a failure, again and again while some remain, and at once when OpenSearch takes an update
again. ``manage.py update_index`` rebuilds everything in any case."""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from portal import search_engine
from portal.best_effort import best_effort

from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

PENDING_KEY = "search-index-updates-pending"
SCHEDULED_KEY = "search-index-retry-scheduled"
BATCH = 200
# The two flags live in the shared cache, beside the breaker: an update recorded by one process is retried when
# OpenSearch takes an update in any other.


def record(obj, error):
    """Keep ``obj`` for a retry (one row per object, however often it fails) and queue the retry."""

    def keep():
        content_type = ContentType.objects.get_for_model(obj)
        pending, created = PendingIndexUpdate.objects.get_or_create(
            content_type=content_type, object_id=str(obj.pk), defaults={"last_error": str(error)[:1000]}
        )
        if not created:
            PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                failures=F("failures") + 1, last_error=str(error)[:1000]
            )
        schedule_retry()

    best_effort("Search index update to retry", keep)
    caches["shared"].set(PENDING_KEY, True, None)


def taken():
    """OpenSearch took an update: if some wait, retry them now (in the background)."""
    if caches["shared"].get(PENDING_KEY):
        caches["shared"].delete(PENDING_KEY)
        retry_index_updates.enqueue()


def schedule_retry():
    """A retry once the breaker closes (queued once per breaker length)."""
    if caches["shared"].add(SCHEDULED_KEY, True, search_engine.BREAKER_SECONDS):
        later = timezone.now() + datetime.timedelta(seconds=search_engine.BREAKER_SECONDS)
        retry_index_updates.using(run_after=later).enqueue()


def engines():
    """The search backends whose updates are recorded when they fail (OpenSearch)."""
    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if getattr(backend, "records_failed_updates", False)
    ]


@task(backend="long")
def retry_index_updates():
    """Write the recorded updates, oldest first, while OpenSearch takes them."""
    backends = engines()
    for pending in PendingIndexUpdate.objects.select_related("content_type").order_by("pk")[:BATCH]:
        if not search_engine.is_available():
            break
        model = pending.content_type.model_class()
        obj = model._default_manager.filter(pk=pending.object_id).first() if model else None
        indexed = index.get_indexed_instance(obj) if obj is not None else None
        if model is None:
            outcomes = []  # the model is gone, and its index with it
        elif indexed is not None:
            outcomes = [backend.add(indexed) for backend in backends]  # every backend, even after a failure
        else:  # deleted meanwhile, or no longer indexed
            outcomes = [backend.delete(model(pk=pending.object_id)) for backend in backends]
        if all(outcomes):
            # Unless it failed again meanwhile, with newer content to write next time.
            PendingIndexUpdate.objects.filter(pk=pending.pk, failures=pending.failures).delete()
    if PendingIndexUpdate.objects.exists():
        caches["shared"].set(PENDING_KEY, True, None)
        schedule_retry()
    else:
        logger.info("Search index: every recorded update is written.")
