"""Wagtail indexes an object as soon as it is saved — before modelcluster writes its many-to-many relations
(a profession's districts, a page's audiences) — so their facets would lag one save behind. Objects with
facets are indexed again once the transaction that saved them is committed."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.search import index

from portal.facets import Faceted


def reindex_after_commit(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: index.insert_or_update_object(instance))


def connect():
    for model in index.get_indexed_models():
        if issubclass(model, Faceted) and not model._meta.abstract:
            post_save.connect(reindex_after_commit, sender=model, dispatch_uid=f"facets-{model._meta.label}")
