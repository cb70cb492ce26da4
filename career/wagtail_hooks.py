"""Editors change and translate the questionnaire's questions as snippets (a Wagtail viewset)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import preferences
from .models import MonthlyStep, QuestionnaireQuestion
from .publish import DIAGNOSTICS


class QuestionnaireQuestionViewSet(SnippetViewSet):
    model = QuestionnaireQuestion
    icon = "list-ol"
    menu_label = _("Questionnaire")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["number", "text_a", "type_a", "text_b", "type_b", "locale"]
    list_filter = ["locale"]
    ordering = ["number"]


class MonthlyStepViewSet(SnippetViewSet):
    model = MonthlyStep
    icon = "date"
    menu_label = _("Monthly steps")
    add_to_admin_menu = True
    menu_order = 261
    list_display = ["text", "grade_band", "month", "sort_order", "locale"]
    list_filter = ["grade_band", "month", "locale"]


register_snippet(QuestionnaireQuestionViewSet)
register_snippet(MonthlyStepViewSet)


@hooks.register("register_portal_count")
def diagnostics_count():
    """Indicator 1 as the portal counts it (career.publish)."""
    return DIAGNOSTICS


# Direction 9 on the monitoring's pages: students' choices against the atlas's demand (career.preferences).
hooks.register("monitoring_index_sections", preferences.monitoring_block)
hooks.register("monitoring_report_sections", preferences.report_block)
