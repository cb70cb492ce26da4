"""The admin screen every spreadsheet import shares, with the work done by the background worker: upload → the
file is checked (nothing written) → a page with a progress bar and then every problem by row and column → the
editor confirms → the rows are written. Each app gives its form (a ``file`` field at least), the dotted path of
its import function — the same one its management command calls —, the options it takes from the form, and the
dotted path of its access check, ``check(user, options=None)``: whether the user may import at all (``options``
None: the screen and the menu), or a file with these options. The check guards the screen, every page of a job
and its write; the import function is given the user and writes with their rights only (a card someone may not
publish becomes a draft in moderation), so every revision and log entry names them. Only the person who uploaded
a file confirms its write.

A request only stores the upload and queues a task, so a file of 20,000 rows never holds a web worker; the
database lets one import per importer run at a time (``ImportJob.active``)."""

from datetime import timedelta

from django.contrib import messages
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from portal.importing import ImportFileError, ImportReport, check_upload_size, problems_count
from portal.models import ImportJob

Stage = ImportJob.Stage
# A job the worker has not touched for this long is taken for lost (its worker died): it stops blocking others.
STALLED_AFTER = timedelta(minutes=30)


def import_screen(request, form, *, importer, may_import, options, title, explanation, templates=()):
    """``options(cleaned_data)`` gives the JSON-safe options for ``importer``; ``may_import`` is the dotted path of
    its access check; ``templates`` are ``(label, url)`` pairs of the XLSX templates to fill in."""
    if not allowed(request.user, may_import):
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job_options = options(form.cleaned_data)
        if not allowed(request.user, may_import, job_options):
            raise PermissionDenied
        try:
            check_upload_size(upload.size)  # before a byte of it is read
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            job = ImportJob(
                importer=importer,
                permission=may_import,
                title=title,
                options=job_options,
                filename=upload.name[:255],
                content=upload.read(),
                user=request.user,
            )
            if _start(job):
                return redirect("portal_import_job", job.pk)
            form.add_error("file", _busy_message(importer))
    context = {"form": form, "title": title, "explanation": explanation, "templates": templates}
    # Only the jobs this person may open: a district's coordinator sees no other district's files.
    recent = ImportJob.objects.filter(importer=importer).select_related("user").order_by("-created_at")[:20]
    context["recent"] = [job for job in recent if allowed(request.user, job.permission, job.options)][:5]
    return render(request, "portal/admin/import.html", context)


def job_view(request, pk):
    job = _job_for(request, pk)
    report = ImportReport.from_dict(job.report) if job.report else None
    context = {"job": job, "report": report, "progress": progress_of(job), "title": job.title}
    context["may_write"] = job.user_id == request.user.pk
    context["problems"] = problems_count(report) if report and report.problems else ""
    return render(request, "portal/admin/import_job.html", context)


def job_status(request, pk):
    """What the job page's script polls: the stage and the rows done so far."""
    job = _job_for(request, pk)
    done, total = progress_of(job)
    return JsonResponse({"stage": job.stage, "active": job.active, "done": done, "total": total})


def job_write(request, pk):
    """The editor who uploaded a file confirms it once it was checked without problems: it is written in the
    background, with their rights."""
    job = _job_for(request, pk)
    if job.user_id != request.user.pk:
        raise PermissionDenied
    report = ImportReport.from_dict(job.report) if job.report else None
    if request.method != "POST" or job.stage != Stage.CHECKED or not report or not report.ok:
        return redirect("portal_import_job", job.pk)
    job.stage = Stage.WRITING
    if not _start(job):
        messages.error(request, _busy_message(job.importer))
    return redirect("portal_import_job", job.pk)


@task(backend="long")
def run_import_job(pk):
    """The worker's half: check or write the job's file with its app's import function."""
    job = ImportJob.objects.select_related("user").get(pk=pk)
    write = job.stage == Stage.WRITING
    cache = caches["shared"]
    if job.user is None or not job.user.is_active:
        # Imports run with their uploader's rights; without them (the account deleted or blocked since) none.
        report = ImportReport(kind="", label=job.title)
        report.add(None, "", "", _("The person who uploaded this file can no longer sign in; nothing was written."))
        ImportJob.objects.filter(pk=pk).update(
            stage=Stage.CHECKED, active=False, report=report.to_dict(), updated_at=timezone.now()
        )
        return Stage.CHECKED

    def progress(done, total):
        cache.set(_progress_key(job), (done, total), 3600)

    try:
        run = import_string(job.importer)
        report = run(bytes(job.content), job.filename, job.options, dry_run=not write, progress=progress, user=job.user)
    except Exception:
        # The import functions report every problem of a file themselves; this is a fault of the portal.
        ImportJob.objects.filter(pk=pk).update(stage=Stage.FAILED, active=False, updated_at=timezone.now())
        raise
    finally:
        cache.delete(_progress_key(job))
    stage = Stage.WRITTEN if write and report.written else Stage.CHECKED
    ImportJob.objects.filter(pk=pk).update(
        stage=stage, active=False, report=report.to_dict(), updated_at=timezone.now()
    )
    return stage


def progress_of(job):
    """(rows done, rows in all) of a running job, as the worker last said; (0, 0) before it has begun."""
    if not job.active:
        return (0, 0)
    return caches["shared"].get(_progress_key(job)) or (0, 0)


def _progress_key(job):
    # With the time it was made: databases thrown away and made again (tests, benchmarks) reuse the ids.
    return f"import-progress-{job.pk}-{job.created_at.timestamp():.6f}"


def _start(job):
    """Save the job as active and queue it, unless another job of its importer is active (then False)."""
    ImportJob.objects.filter(importer=job.importer, active=True, updated_at__lt=timezone.now() - STALLED_AFTER).update(
        active=False, stage=Stage.FAILED
    )
    job.active = True
    try:
        with transaction.atomic():
            job.save()
            # Queued in the same transaction: the job and its task are written together or not at all.
            run_import_job.enqueue(job.pk)
    except IntegrityError:
        return False
    return True


def _busy_message(importer):
    running = ImportJob.objects.filter(importer=importer, active=True).select_related("user").first()
    if running is None:
        return _("Another import of this kind is running. Try again in a minute.")
    return _(
        "Another import of this kind is running (%(file)s, started by %(user)s at %(time)s). Wait until it ends."
    ) % {
        "file": running.filename,
        "user": running.user.get_username() if running.user else "—",
        "time": timezone.localtime(running.created_at).strftime("%H:%M"),
    }


def _job_for(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    if not allowed(request.user, job.permission, job.options):
        raise PermissionDenied
    return job


def allowed(user, may_import, options=None):
    """``may_import``: the dotted path of an importer's access check (see the module's docstring)."""
    try:
        check = import_string(may_import)
    except ImportError:  # a job recorded when a Django permission guarded the imports
        return user.has_perm(may_import)
    return check(user, options)


def job_urls():
    from django.urls import path

    return [
        path("imports/<int:pk>/", job_view, name="portal_import_job"),
        path("imports/<int:pk>/status/", job_status, name="portal_import_job_status"),
        path("imports/<int:pk>/write/", job_write, name="portal_import_job_write"),
    ]
