"""Wagtail indexes an object as soon as it is saved — before modelcluster writes its many-to-many relations
(a profession's districts, a page's audiences) — so their facets would lag one save behind. Objects with
facets are indexed again once the transaction that saved them is committed."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.search import index

from portal.facets import Faceted


def reindex_after_commit(sender, instance, raw=False, **kwargs):
    if not raw:
        model, pk = type(instance), instance.pk
        transaction.on_commit(lambda: _reindex(model, pk))


def _reindex(model, pk):
    # As the database holds it, not as the saved object was: a page saved as a draft (save_revision) carries the
    # draft's values in memory only, and they must not become searchable before they are published.
    saved = model._default_manager.filter(pk=pk).first()
    if saved is not None:
        index.insert_or_update_object(saved)


def connect():
    for model in index.get_indexed_models():
        if issubclass(model, Faceted) and not model._meta.abstract:
            post_save.connect(reindex_after_commit, sender=model, dispatch_uid=f"facets-{model._meta.label}")
