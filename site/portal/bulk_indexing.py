"""Bulk writes index once, at the end. The seed saves about a thousand objects, most of them several times (a page,
its revision, its publication, its translation): indexing on every save queued some four thousand index updates —
a third of the seed's time, and as much again when the queued updates ran after the commit — where one
``update_index`` afterwards writes each entry once, in bulk.

``index_updates_deferred()`` disconnects modelsearch's index update on save for its duration, and tells the search
app's own handler (``search.signals``: the faceted objects' update after the commit) to queue nothing either. The
handlers are process-wide: use it in management commands, never around a web request's work."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index, signal_handlers

_deferred = {"on": False}


def deferred():
    return _deferred["on"]


@contextmanager
def index_updates_deferred():
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    _deferred["on"] = True
    try:
        yield
    finally:
        _deferred["on"] = False
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
