"""Check the PDFs of the Wagtail documents library with veraPDF against PDF/UA-1 and list the ones that fail, for
editors to replace; the results are kept in ``DocumentCheck`` (one row a document). Run weekly by the task queue
(``WEEKLY_COMMANDS``, ``portal.daily``) and by hand: ``manage.py validate_documents [--all] [ID ...]``."""

import shutil
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from portal import verapdf
from portal.document_access import file_exists
from portal.models import DocumentCheck


class Command(BaseCommand):
    help = "Validates the documents library's PDFs with veraPDF (PDF/UA-1) and lists the ones that fail."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="only these documents (their ids)")
        parser.add_argument(
            "--all",
            action="store_true",
            help="check again the documents whose file has not changed since the last check",
        )

    def handle(self, *args, ids=(), **options):
        try:
            verapdf.launcher()
        except verapdf.Unavailable as missing:
            raise CommandError(
                "veraPDF не найден, документы не проверены. Установите JDK 17 и Maven, выполните "
                "«bash .ci/verapdf/fetch.sh» и укажите путь из его последней строки в переменной VERAPDF. "
                f"({missing})"
            ) from missing
        documents = get_document_model().objects.filter(file__iendswith=".pdf").order_by("pk")
        if ids:
            documents = documents.filter(pk__in=ids)
        checked = {c.document_id: c.file_hash for c in DocumentCheck.objects.all()}
        todo = {}
        for document in documents:
            if not options["all"] and not ids and document.file_hash and checked.get(document.pk) == document.file_hash:
                continue  # unchanged since its last check
            if not file_exists(document):
                continue
            todo[document.pk] = document
        with tempfile.TemporaryDirectory(prefix="validate-documents-") as folder:
            paths = {}
            for document in todo.values():
                # A copy: the storage may not be a local folder, and veraPDF reads paths.
                path = Path(folder) / f"{document.pk}.pdf"
                with document.file.open("rb") as stored, path.open("wb") as copy:
                    shutil.copyfileobj(stored, copy)
                paths[str(path)] = document
            try:
                results = verapdf.validate(paths) if paths else {}
            except verapdf.Failed as failed:
                raise CommandError(f"veraPDF не смог проверить документы: {failed}") from failed
        now = timezone.now()
        with transaction.atomic():
            for path, document in paths.items():
                result = results[path]
                DocumentCheck.objects.update_or_create(
                    document=document,
                    defaults={
                        "file_hash": document.file_hash,
                        "compliant": result.compliant,
                        "failures": result.as_json()["rules"],
                        "error": result.error,
                        "checked_at": now,
                    },
                )
        failing = (
            DocumentCheck.objects.filter(compliant=False, document__in=documents)
            .select_related("document")
            .order_by("document__title")
        )
        self.stdout.write(f"Проверено документов: {len(todo)}; не соответствуют PDF/UA-1: {len(failing)}.")
        for check in failing:
            reasons = check.error or "; ".join(f"{f['rule']} {f['description'][:120]}" for f in check.failures)
            self.stdout.write(f"— «{check.document.title}» (id {check.document.pk}): {reasons}")
