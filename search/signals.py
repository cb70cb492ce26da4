"""When the search index follows a save or a delete: never inside the request's own work.

modelsearch queues an object's index update (its ``insert_or_update_object_task``, on the "default" task
queue) from ``post_save``, inside the saving transaction: with the database queue the task becomes visible to the
worker only when the save commits, and a rolled-back save queues nothing. Two cases are changed here:

- Objects with facets are saved before modelcluster writes their many-to-many relations (a profession's
  districts, a page's audiences). The worker reads them committed; but where tasks run at once, in the saving
  process (the tests' immediate backend), the update from ``post_save`` indexes them one save behind, so there
  they are indexed again once the transaction commits.
- modelsearch removes a deleted object from every index synchronously, in the deleting request (an OpenSearch
  write that may wait). The removal is queued instead, once the delete commits."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from modelsearch import signal_handlers
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from portal.bulk_indexing import deferred
from portal.facets import Faceted


def index_after_commit(sender, instance, raw=False, **kwargs):
    if not raw and not deferred() and isinstance(insert_or_update_object_task.get_backend(), ImmediateBackend):
        label = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        transaction.on_commit(lambda: insert_or_update_object_task.enqueue(*label))


def remove_after_commit(sender, instance, **kwargs):
    # As modelsearch does: the entry to remove is the indexed instance's (a page's specific class).
    indexed = index.get_indexed_instance(instance, check_exists=False)
    if indexed is not None:
        label = (indexed._meta.app_label, indexed._meta.model_name, str(indexed.pk))
        transaction.on_commit(lambda: remove_from_index.enqueue(*label))


@task()
def remove_from_index(app_label, model_name, pk):
    """Remove a deleted object from every index that follows saves (the object itself is gone: its key will do)."""
    model = apps.get_model(app_label, model_name)
    for backend in get_search_backends(with_auto_update=True):
        backend.delete(model(pk=pk))


def connect():
    for model in index.get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)
        post_delete.connect(remove_after_commit, sender=model, dispatch_uid=f"index-removal-{model._meta.label}")
        if issubclass(model, Faceted) and not model._meta.abstract:
            post_save.connect(index_after_commit, sender=model, dispatch_uid=f"facets-{model._meta.label}")
