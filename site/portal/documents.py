"""Documents done right: uploads limited to the formats teachers use and checked against their content,
private collections honoured everywhere a document is listed or packed, a friendly page for a file that
went missing on disk, and a download count that stores nothing about the visitor."""

import logging
from pathlib import PurePath

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm

from portal.best_effort import best_effort
from portal.document_access import file_exists
from portal.models import DocumentDownload
from portal.uploads import EXPECTED_CONTENT, looks_like

logger = logging.getLogger(__name__)


class PortalDocumentForm(BaseDocumentForm):
    """Refuses a file whose content does not match its extension (a renamed program, a Word file saved
    as «.pdf»). The allowed extensions and the size cap are Wagtail's own settings."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or not hasattr(uploaded, "content_type"):  # unchanged file on edit
            return uploaded
        extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
        if extension in EXPECTED_CONTENT and not looks_like(uploaded, extension):
            raise forms.ValidationError(
                _(
                    "The content of «%(name)s» does not match its extension «.%(extension)s». Save the file "
                    "again in that format or give it the right extension."
                )
                % {"name": uploaded.name, "extension": extension},
                code="content_mismatch",
            )
        return uploaded


def refuse_missing_file(document, request):
    """``before_serve_document`` hook: a document whose file is gone gets a page that says so."""
    if file_exists(document):
        return None
    logger.error("Document %s (%s) has no file on disk: %s", document.pk, document.title, document.file.name)
    return TemplateResponse(request, "portal/document_missing.html", {"document": document}, status=404)


def count_download(sender, instance, **kwargs):
    """``document_served`` receiver: the file is served even when the count cannot be written."""
    best_effort("Download count", DocumentDownload.record, [instance.pk])


class DocumentDownloadsReport(ReportView):
    """Reports → «Скачивания документов»: each document with its download count, most downloaded first,
    exportable as XLSX or CSV like Wagtail's own reports."""

    page_title = _("Document downloads")
    header_icon = "doc-full"
    index_url_name = "document_downloads_report"
    index_results_url_name = "document_downloads_report_results"
    columns = [
        Column("title", label=_("Document")),
        Column("collection", label=_("Document collection")),
        Column("download_count", label=_("Downloads")),
    ]
    list_export = ["title", "collection", "download_count"]
    export_headings = {"title": _("Document"), "collection": _("Document collection"), "download_count": _("Downloads")}

    def get_filename(self):
        return "document-downloads"

    def get_queryset(self):
        return (
            get_document_model()
            .objects.select_related("collection")
            .annotate(download_count=Coalesce(F("downloads__count"), 0))
            .order_by("-download_count", "title")
        )
