"""The dashboard's panel on the admin's home screen, and a report for each of its items: the filtered list where
the rows it counts are fixed (each row links to its edit screen)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from . import attention


class AttentionPanel(Component):
    """«Needs attention»: each item the editor may see, with its count linking to its report."""

    name = "editorial-attention"
    template_name = "editorial/attention_panel.html"
    order = 50  # first: before Wagtail's site summary (100) and its own moderation panels

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        rows = [
            {"item": item, "count": count, "detail": detail, "url": item_url(item)}
            for item, count, detail in attention.for_user(self.request.user)
        ]
        return {"rows": rows, "heading": _("Needs attention")}


def item_url(item):
    return reverse(item.url_name)


class AttentionReport(ReportView):
    item = None
    header_icon = "warning"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "wagtailadmin/reports/base_report_results.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.item.may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.item.rows(self.request.user)

    def get_filename(self):
        return self.item.key


def report_for(item):
    return type(
        f"{item.key.title().replace('-', '')}Report",
        (AttentionReport,),
        {
            "item": item,
            "page_title": item.label,
            "columns": item.columns,
            "index_url_name": item.url_name,
            "index_results_url_name": f"{item.url_name}_results",
        },
    )


REPORTS = [report_for(item) for item in attention.ITEMS]


def urls():
    patterns = []
    for view in REPORTS:
        prefix = f"editorial/{view.item.key}/"
        patterns += [
            path(prefix, view.as_view(), name=view.index_url_name),
            path(f"{prefix}results/", view.as_view(results_only=True), name=view.index_results_url_name),
        ]
    return patterns
