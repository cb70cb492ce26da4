"""Settings → «Синонимы поиска» and «Служебные слова запросов», and Reports → «Запросы без результатов»: what
visitors searched for and did not find, most asked first (the most frequent queries are Wagtail's own «Search
terms» report), and the same queries grouped by the word they were missing (``search.missing``), each group with
links to promote a page or add a synonym for it."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from portal.reports import report_menu_item, report_urls

from . import missing
from .models import FillerWord, SynonymGroup, UnansweredQuery


class SynonymCreateView(CreateView):
    """Opened from the «unanswered» report with ``?terms=сантехник``: the missing word is already written in."""

    def get_initial(self):
        initial = super().get_initial()
        terms = self.request.GET.get("terms", "")[:200]
        if terms:
            initial["terms"] = terms
        return initial


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    add_view_class = SynonymCreateView
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


class ActionsColumn(Column):
    cell_template_name = "search/includes/missing_actions_cell.html"

    def get_value(self, instance):
        return instance


class UnansweredByWordReport(ReportView):
    """The unanswered queries grouped by the word they were missing (``search.missing``): what the site lacks."""

    page_title = _("Queries that found nothing, by missing word")
    header_icon = "search"
    index_url_name = "unanswered_by_word_report"
    index_results_url_name = "unanswered_by_word_report_results"
    columns = [
        Column("word", label=_("Missing word")),
        Column("count", label=_("Times asked")),
        Column("query_list", label=_("Queries")),
        DateColumn("last_seen", label=_("Last asked")),
        ActionsColumn("actions", label=_("Actions")),
    ]
    list_export = ["word", "count", "query_list", "last_seen"]
    export_headings = {
        "word": _("Missing word"),
        "count": _("Times asked"),
        "query_list": _("Queries"),
        "last_seen": _("Last asked"),
    }

    def get_filename(self):
        return "unanswered-queries-by-word"

    def get_queryset(self):
        return missing.groups()

    @cached_property
    def action_urls(self):
        user = self.request.user
        promote = user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        synonym = user.has_perm(f"{SynonymGroup._meta.app_label}.add_synonymgroup")
        return {
            "promotion": reverse("wagtailsearchpromotions:add") if promote else None,
            "synonym": reverse(f"wagtailsnippets_{SynonymGroup._meta.label_lower.replace('.', '_')}:add")
            if synonym
            else None,
        }

    def decorate_paginated_queryset(self, object_list):
        for group in object_list:
            group.promotion_url = self.action_urls["promotion"]
            if self.action_urls["synonym"]:
                group.synonym_url = f"{self.action_urls['synonym']}?{urlencode({'terms': group.word})}"
            else:
                group.synonym_url = None
        return object_list


@hooks.register("register_admin_urls")
def register_unanswered_queries_urls():
    return [
        *report_urls(UnansweredQueriesReport, "unanswered-queries"),
        *report_urls(UnansweredByWordReport, "unanswered-queries-by-word"),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return report_menu_item(UnansweredQueriesReport, icon="search", order=910)


@hooks.register("register_reports_menu_item")
def register_unanswered_by_word_menu_item():
    return report_menu_item(UnansweredByWordReport, icon="search", order=911)
