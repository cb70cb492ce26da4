"""Tasks that queue their own next run (the daily housekeeping, the «Работа России» refresh): at most one run of each
waits in the database queue, whoever asks for another."""

from django.db import transaction
from django_tasks_db.models import DBTaskResult


def waiting(task):
    """The runs of ``task`` queued and not yet started."""
    return DBTaskResult.objects.filter(task_path=task.module_path, status__in=["READY"], backend_name=task.backend)


def enqueue_unless_waiting(task, when):
    """Queue a run of ``task`` for ``when`` unless one is waiting already; returns whether one was queued."""
    with transaction.atomic():
        # A waiting run is locked while we look, so that it cannot start (and leave the queue) in between.
        if list(waiting(task).select_for_update()[:1]):
            return False
        task.using(run_after=when).enqueue()
    return True
