"""The collection in the admin: its screens (reporting.admin_views), the menu item for coordinators and analysts,
the analysts' form for rounds and the coordinators' events held (Wagtail model viewsets, reporting.viewsets), the
portal's counts of indicators 7 and 8, and the words of the report's history."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from . import access, admin_views, held
from .models import HeldEvent
from .viewsets import DistrictPermissionPolicy, HeldEventViewSet, RoundViewSet

register_permission_policy(HeldEvent, DistrictPermissionPolicy(HeldEvent))


@hooks.register("register_admin_viewset")
def register_rounds():
    return RoundViewSet("reporting_rounds", url_prefix="reporting/rounds")


@hooks.register("register_admin_viewset")
def register_events():
    return HeldEventViewSet("reporting_events", url_prefix="reporting/events")


@hooks.register("register_portal_count")
def early_guidance_count():
    """Indicator 7 as the portal counts it from the events held (reporting.held)."""
    return held.EARLY


@hooks.register("register_portal_count")
def disabilities_count():
    """Indicator 8 as the portal counts it from the events held (reporting.held)."""
    return held.DISABILITIES


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("reporting/", admin_views.index_view, name="reporting_index"),
        path("reporting/<int:round_pk>/", admin_views.round_view, name="reporting_round"),
        path("reporting/<int:round_pk>/state/", admin_views.round_state_view, name="reporting_round_state"),
        path("reporting/<int:round_pk>/export.<str:fmt>", admin_views.export_view, name="reporting_export"),
        path("reporting/<int:round_pk>/<int:district_pk>/", admin_views.report_view, name="reporting_report"),
        path(
            "reporting/<int:round_pk>/<int:district_pk>/evidence/",
            admin_views.evidence_upload_view,
            name="reporting_evidence_upload",
        ),
        path("reporting/<int:round_pk>/<int:district_pk>/import/", admin_views.import_view, name="reporting_import"),
        path(
            "reporting/<int:round_pk>/<int:district_pk>/template.xlsx",
            admin_views.template_view,
            name="reporting_template",
        ),
        path("reporting/evidence/<int:pk>/", admin_views.evidence_view, name="reporting_evidence"),
        path("reporting/evidence/<int:pk>/delete/", admin_views.evidence_delete_view, name="reporting_evidence_delete"),
    ]


class CollectionMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_analyst(request.user) or access.districts_of(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CollectionMenuItem(_("Monitoring collection"), reverse("reporting_index"), icon_name="table", order=225)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "reporting.save", pgettext_lazy("report action", "Save draft"), _("Figures saved as a draft")
    )
    actions.register_action("reporting.submit", pgettext_lazy("report action", "Submit"), _("Submitted to the analyst"))
    actions.register_action("reporting.return", pgettext_lazy("report action", "Return"), _("Returned for corrections"))
    actions.register_action(
        "reporting.approve", pgettext_lazy("report action", "Approve"), _("Approved: the figures are in the monitoring")
    )
    actions.register_action("reporting.close", pgettext_lazy("report action", "Close"), _("Collection closed"))
    actions.register_action("reporting.reopen", pgettext_lazy("report action", "Reopen"), _("Collection opened again"))
