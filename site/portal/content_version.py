"""The content version: one number, kept in the shared cache, that changes whenever something a public page shows
changes: a page saved, published, unpublished, moved or deleted; a snippet, a setting, a site, a locale, a
collection, an image or a document saved or deleted; or a model a feature app declares with ``track()``.

Caches of rendered pages and of per-request look-ups put the version in their keys, so one change makes all of
them stale at once in every process that shares the cache (the web workers, the background workers, every server
of the scaled tier) without knowing which page shows what. The portal's content changes a few times a day; after a
change, rebuilding every cached entry costs far less than tracking which pages depend on which records, and cannot
miss one. Old entries are never read again and leave the cache by their timeout.

The version moves when the change commits, so no process caches a page built from data that was rolled back, and a
rolled-back import moves nothing.
"""

from functools import cache

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "portal:content-version"
_tracked = set()
# What saving a draft writes to a page (or snippet) row: nothing a visitor sees changes until it is published.
DRAFT_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
    }
    | {"locked", "locked_at", "locked_by"}
)


def current():
    """The version now; the first call after the cache was emptied starts it at 1."""
    shared = caches["shared"]
    version = shared.get(KEY)
    if version is None:
        shared.add(KEY, 1, None)  # add: if another process started it meanwhile, keep its number
        version = shared.get(KEY, 1)
    return version


def bump():
    """Move the version on: every entry keyed by the old one is stale from now on."""
    shared = caches["shared"]
    try:
        shared.incr(KEY)
    except ValueError:  # not there (a fresh or emptied cache): any number other than the start will do
        shared.add(KEY, 2, None)


def bump_on_commit(**kwargs):
    """A signal receiver: move the version once the change it reports commits."""
    transaction.on_commit(bump)


def track(*models):
    """Make saving or deleting ``models`` move the version (for content that is neither a page, a snippet nor a
    setting, such as a reference table a page shows)."""
    _tracked.update(models)
    _is_content.cache_clear()


@cache
def _is_content(model):
    # Asked on the first save of each model, when every app has registered its snippets and settings (their
    # registries are complete only after all the apps' wagtail_hooks have run, later than our ready()).
    from wagtail import hooks
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    hooks.search_for_hooks()  # a management command may save before anything asked for the hooks
    return (
        issubclass(model, (Page, Site, Locale, Collection, get_image_model(), get_document_model()))
        or model in get_snippet_models()
        or model in settings_registry
        or model in _tracked
    )


def _saved_or_deleted(sender, update_fields=None, **kwargs):
    if update_fields and DRAFT_FIELDS.issuperset(update_fields):
        return
    if _is_content(sender):
        bump_on_commit()


def connect():
    """Watch saves and deletions of content, and the page signals (called once, from the shell's ready())."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_saved_or_deleted, dispatch_uid="portal.content_version.saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="portal.content_version.deleted")
    # Publishing and unpublishing save the page too, and a move saves it; connected as well so that none of the
    # three depends on how Wagtail happens to write the row.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_on_commit, dispatch_uid=f"portal.content_version.{signal!r}")
