from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from portal.documents import DocumentDownloadsReport, refuse_missing_file
from portal.models import Audience

register_snippet(Audience)

# After Wagtail's own check of private collections (order 0), so a visitor who may not see a document
# learns nothing about its file.
hooks.register("before_serve_document", refuse_missing_file, order=10)


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return [
        path("reports/downloads/", DocumentDownloadsReport.as_view(), name="document_downloads_report"),
        path(
            "reports/downloads/results/",
            DocumentDownloadsReport.as_view(results_only=True),
            name="document_downloads_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return MenuItem(_("Document downloads"), reverse("document_downloads_report"), icon_name="doc-full", order=900)
