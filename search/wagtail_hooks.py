"""Reports → «Запросы без результатов»: what visitors searched for and did not find, most asked first."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from portal.reports import report_menu_item, report_urls

from .models import UnansweredQuery


class UnansweredQueriesReport(ReportView):
    page_title = _("Queries that found nothing")
    header_icon = "search"
    index_url_name = "unanswered_queries_report"
    index_results_url_name = "unanswered_queries_report_results"
    columns = [
        Column("query", label=_("Query")),
        Column("hits", label=_("Times asked")),
        Column("last_asked", label=_("Last asked")),
    ]
    list_export = ["query", "hits", "last_asked"]
    export_headings = {"query": _("Query"), "hits": _("Times asked"), "last_asked": _("Last asked")}

    def get_filename(self):
        return "unanswered-queries"

    def get_queryset(self):
        return UnansweredQuery.objects.select_related("query").order_by("-hits", "query__query_string")


@hooks.register("register_admin_urls")
def register_unanswered_queries_urls():
    return report_urls(UnansweredQueriesReport, "unanswered-queries")


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return report_menu_item(UnansweredQueriesReport, icon="search", order=910)
