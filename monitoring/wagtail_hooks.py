"""Editors keep the indicators and enter observations in the admin (Wagtail viewsets), or import a year's
file. Editing an observation records a correction: a new observation that replaces the old one, which is
kept in the history."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views, college_work
from .exchange import may_import
from .models import Indicator, MonitoringDirection, Observation


class CorrectionEditView(EditView):
    def save_instance(self):
        """Save the edited values as a new observation; the one edited stays as it was, no longer current."""
        correction = self.form.save(commit=False)
        correction.pk = None
        correction._state.adding = True
        correction.entered_by = self.request.user
        correction.save()
        return correction


class ObservationViewSet(SnippetViewSet):
    model = Observation
    icon = "table"
    edit_view_class = CorrectionEditView
    list_display = ["indicator", "district", "year", "value", "origin", "grade_band", "is_current", "entered_at"]
    list_filter = ["indicator", "year", "origin", "is_current", "is_demo"]
    ordering = ["indicator__number", "year"]

    def get_queryset(self, request):
        return Observation.objects.select_related("indicator", "district", "entered_by")


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    list_display = ["number", "name", "unit", "direction"]


class DirectionViewSet(SnippetViewSet):
    model = MonitoringDirection
    icon = "list-ul"
    list_display = ["number", "name"]


class MonitoringGroup(SnippetViewSetGroup):
    menu_label = "Мониторинг"
    menu_icon = "table"
    menu_order = 220
    items = (ObservationViewSet, IndicatorViewSet, DirectionViewSet)


register_snippet(MonitoringGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("monitoring/import/", admin_views.import_view, name="monitoring_import"),
        path("monitoring/import/template/", admin_views.template_view, name="monitoring_import_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import observations"), reverse("monitoring_import"), icon_name="upload", order=230)


@hooks.register("after_create_snippet")
def sign_new_observation(request, instance):
    """Who entered an observation through the admin form."""
    if isinstance(instance, Observation) and instance.entered_by_id is None:
        Observation.objects.filter(pk=instance.pk).update(entered_by=request.user)


# Direction 8 from the portal's own records (monitoring.college_work), on the monitoring section's page.
hooks.register("monitoring_index_sections", college_work.monitoring_block)
