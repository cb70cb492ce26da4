"""Editors change and translate the questionnaire's questions as snippets (a Wagtail viewset)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QuestionnaireQuestion


class QuestionnaireQuestionViewSet(SnippetViewSet):
    model = QuestionnaireQuestion
    icon = "list-ol"
    menu_label = _("Questionnaire")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["number", "text_a", "type_a", "text_b", "type_b", "locale"]
    list_filter = ["locale"]
    ordering = ["number"]


register_snippet(QuestionnaireQuestionViewSet)
