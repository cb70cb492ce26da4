"""Files the portal builds from published pages — PDFs and archives — made in the background and served as files.

A feature app registers a ``Builder`` for each kind of file it offers (the profession card's PDF, the booklet, a
kit's ZIP…). A request for the file (``serve``) looks up the file of the page's *current version*: when it is
ready it is sent from media storage with an ETag at once; otherwise a build task is queued and the visitor gets,
at once, a page saying that the file is being prepared (202 Accepted with ``Retry-After``; not a 5xx, which
would be logged as a server error and tell crawlers the site is failing). Publishing a page queues its
files ahead of the first request, and saving the data a file is built from (``depends_on``) queues the files
built from the old data again. No request ever waits for WeasyPrint.
"""

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Avg
from django.db.models.signals import post_delete, post_save
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django_tasks import task
from wagtail.models import Page

from portal.best_effort import best_effort
from portal.models import DocumentDownload, GeneratedFile

logger = logging.getLogger(__name__)

Status = GeneratedFile.Status
# A build that has not finished in this time is taken for lost (its worker died) and queued again.
STALLED_AFTER = timedelta(minutes=15)
# A failed build is tried again by the next request after this pause, not by every request.
RETRY_FAILED_AFTER = timedelta(minutes=10)
# Builds a visitor is waiting for go before the ones publishing queued ahead of time.
PRIORITY_REQUESTED, PRIORITY_AHEAD = 10, -10


@dataclass(frozen=True)
class Built:
    """What a build may return instead of bare content: the content and the documents it carries."""

    content: bytes | Iterable[bytes]
    documents: list = field(default_factory=list)


@dataclass(frozen=True)
class Builder:
    """How one kind of file is made from a page.

    ``build(page)`` returns the file's bytes, an iterable of byte chunks, or ``Built``; it runs in the worker, with the
    page's language active and no request. ``version(page)`` names what the file is built from (by default the
    page's live revision): a file of another version is never served. ``applies_to`` lists the page types the
    kind is built for on publishing; ``affected(page)`` the other pages whose file a published page changes
    (the booklets a card is in); saving or deleting an instance of a model in ``depends_on`` discards every
    file of this kind."""

    kind: str
    build: Callable[[Page], bytes | Iterable[bytes]]
    filename: Callable[[Page], str]
    content_type: str = "application/pdf"
    version: Callable[[Page], str] = lambda page: str(page.live_revision_id or page.latest_revision_id or 0)
    applies_to: tuple = ()
    affected: Callable[[Page], Iterable[Page]] = lambda page: ()
    depends_on: tuple = ()
    attachment: bool = False
    label: str = field(default="")  # what the «being prepared» page calls it: «PDF», «ZIP archive»

    @property
    def extension(self):
        return {"application/pdf": "pdf", "application/zip": "zip"}.get(self.content_type, "bin")


BUILDERS: dict[str, Builder] = {}


def register(builder: Builder) -> Builder:
    BUILDERS[builder.kind] = builder
    for model in builder.depends_on:
        for signal in (post_save, post_delete):
            signal.connect(_discard_on_change, sender=model, dispatch_uid=f"portal.builds.{builder.kind}.{model}")
    return builder


def serve(request, page, kind):
    """The file if it is ready, else the «being prepared» page (its build queued if it is not yet)."""
    builder = BUILDERS[kind]
    version = builder.version(page)
    record = GeneratedFile.objects.filter(page=page, kind=kind, version=version).first()
    if record is not None and record.status == Status.READY:
        response = _file_response(request, record, builder, page)
        if response is not None:
            return response
        record.delete()  # its file is gone from storage: build it again
        record = None
    if record is None:
        record = _queue(page, builder, version, priority=PRIORITY_REQUESTED)
    elif _due_again(record):
        _requeue(record, priority=PRIORITY_REQUESTED)
    elif record.status == Status.QUEUED and _mark_requested(record):
        # Queued ahead by publishing, perhaps behind a whole seed's worth of files: a visitor waits for it now.
        # A second task for the same row is harmless: the first to run builds it, the other finds it taken.
        _enqueue(record, PRIORITY_REQUESTED)
    return _preparing_response(request, page, record, builder)


def queue_build(page, kind, *, priority=PRIORITY_AHEAD):
    """Queue the file of the page's current version unless it is queued or built already."""
    builder = BUILDERS[kind]
    version = builder.version(page)
    record = GeneratedFile.objects.filter(page=page, kind=kind, version=version).first()
    if record is None:
        return _queue(page, builder, version, priority=priority)
    if _due_again(record):
        _requeue(record, priority=priority)
    return record


@task(backend="long")
def build_file(record_id):
    """The worker's half: build one file and keep it in media storage."""
    claimed = GeneratedFile.objects.filter(pk=record_id, status=Status.QUEUED).update(
        status=Status.BUILDING, queued_at=timezone.now()
    )
    if not claimed:
        return "not queued"  # built, being built by another worker, or discarded meanwhile
    record = GeneratedFile.objects.get(pk=record_id)
    builder = BUILDERS[record.kind]
    page = record.page.specific
    if builder.version(page) != record.version:
        record.delete()  # the page changed since: its next request queues the new version
        return "outdated"
    started = time.monotonic()
    try:
        with translation.override(page.locale.language_code), tempfile.TemporaryFile() as scratch:
            built = builder.build(page)
            built = built if isinstance(built, Built) else Built(built)
            digest, size = _write(built.content, scratch)
            scratch.seek(0)
            name = f"generated/{record.kind}/{page.pk}-{record.version[:24]}-{digest[:12]}.{builder.extension}"
            record.file.save(name, File(scratch), save=False)
    except Exception as error:
        record.status, record.error = Status.FAILED, f"{type(error).__name__}: {error}"
        record.save(update_fields=["status", "error"])
        logger.exception("Building %s of page %s failed", record.kind, page.pk)
        raise
    record.status, record.sha256, record.size, record.error = Status.READY, digest, size, ""
    record.documents = sorted(built.documents)
    record.built_at, record.build_seconds = timezone.now(), round(time.monotonic() - started, 2)
    record.save()
    for old in GeneratedFile.objects.filter(page_id=record.page_id, kind=record.kind).exclude(pk=record.pk):
        _delete(old)
    return name


def discard(kind):
    """Forget the built files of ``kind``; returns the live pages they were built for, to build them again.

    Files still queued are left alone: they will be built from the data as it is then (an import that saves
    10,000 employers discards the cards once, not once per row). The rows go with the transaction; the files are
    deleted only once it commits, so a rolled-back save — an import's dry run — leaves every file in place."""
    records = list(GeneratedFile.objects.filter(kind=kind).exclude(status=Status.QUEUED).select_related("page"))
    names = [record.file.name for record in records if record.file]
    GeneratedFile.objects.filter(pk__in=[record.pk for record in records]).delete()
    storage = GeneratedFile._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return [page.specific for page in {record.page for record in records} if page.live]


def _write(content, handle):
    digest, size = hashlib.sha256(), 0
    for chunk in [content] if isinstance(content, bytes | bytearray) else content:
        digest.update(chunk)
        size += len(chunk)
        handle.write(chunk)
    return digest.hexdigest(), size


def _queue(page, builder, version, *, priority):
    try:
        with transaction.atomic():
            record = GeneratedFile.objects.create(
                page=page, kind=builder.kind, version=version, requested=priority == PRIORITY_REQUESTED
            )
    except IntegrityError:  # another request queued it a moment ago
        return GeneratedFile.objects.get(page=page, kind=builder.kind, version=version)
    _enqueue(record, priority)
    return record


def _requeue(record, *, priority):
    requested = priority == PRIORITY_REQUESTED
    GeneratedFile.objects.filter(pk=record.pk).update(
        status=Status.QUEUED, queued_at=timezone.now(), error="", requested=requested
    )
    record.status = Status.QUEUED
    _enqueue(record, priority)


def _enqueue(record, priority):
    # In the same transaction as the record: the queue is in the database, so the task and the record are
    # written together or not at all, and the worker sees them once the transaction commits.
    build_file.using(priority=priority).enqueue(record.pk)


def _mark_requested(record):
    return not record.requested and GeneratedFile.objects.filter(pk=record.pk, requested=False).update(requested=True)


def _due_again(record):
    age = timezone.now() - record.queued_at
    if record.status == Status.FAILED:
        return age > RETRY_FAILED_AFTER
    return record.status in (Status.QUEUED, Status.BUILDING) and age > STALLED_AFTER


def _delete(record):
    if record.file:
        record.file.delete(save=False)
    record.delete()


def _file_response(request, record, builder, page):
    etag, modified = f'"{record.sha256}"', record.built_at.timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if not_modified is not None:
        return not_modified
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        return None
    if record.documents:  # (a card has none: no queries then)
        best_effort("Download counts of a built file", DocumentDownload.record, record.documents)
    response = FileResponse(handle, content_type=builder.content_type)
    response["Content-Length"] = record.size
    response["Content-Disposition"] = content_disposition_header(builder.attachment, builder.filename(page))
    response["ETag"], response["Last-Modified"] = etag, http_date(modified)
    patch_cache_control(response, public=True, max_age=300)
    return response


def _preparing_response(request, page, record, builder):
    typical = GeneratedFile.objects.filter(kind=builder.kind, build_seconds__isnull=False).aggregate(
        seconds=Avg("build_seconds")
    )["seconds"]
    wait = max(5, min(120, round(typical or 15)))
    failed = record.status == Status.FAILED
    context = {"page": page, "record": record, "builder": builder, "wait": wait, "failed": failed}
    status = 503 if failed else 202
    response = TemplateResponse(request, "portal/file_preparing.html", context, status=status)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _discard_on_change(sender, **kwargs):
    for builder in BUILDERS.values():
        if sender in builder.depends_on:
            for page in discard(builder.kind):
                queue_build(page, builder.kind)


def queue_on_publish(sender, instance, **kwargs):
    """Wagtail's ``page_published``: queue the page's own files and those it changes in other pages."""
    if not settings.PORTAL_BUILD_AHEAD:
        return
    page = instance.specific
    for builder in BUILDERS.values():
        if builder.applies_to and isinstance(page, builder.applies_to):
            queue_build(page, builder.kind)
        for other in builder.affected(page):
            queue_build(other, builder.kind)
