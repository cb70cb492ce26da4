"""Settings → «Синонимы поиска» and «Служебные слова запросов», and Reports → «Запросы без результатов»: what
visitors searched for and did not find, most asked first (the most frequent queries are Wagtail's own «Search
terms» report)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.reports import report_menu_item, report_urls

from .models import FillerWord, SynonymGroup, UnansweredQuery


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["__str__"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


class FillerWordViewSet(SnippetViewSet):
    model = FillerWord
    icon = "search"
    menu_label = _("Search filler words")
    add_to_settings_menu = True
    list_display = ["word", "intent"]
    list_filter = ["intent"]
    search_fields = ["word"]


register_snippet(FillerWordViewSet)


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
