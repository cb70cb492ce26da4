"""The mistake reports in the admin: editors read and delete them (nobody adds or edits one: they come from visitors).
The feedback form's submissions are Wagtail's own screen (Forms)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ErrorReport


class ReadAndDeletePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Mistake reports")
    add_to_admin_menu = True
    name = "feedback_error_reports"
    url_prefix = "feedback/mistakes"
    list_display = ["selected_text", "page_address", "comment", "created_at"]
    list_filter = ["language"]
    inspect_view_enabled = True
    inspect_view_fields = ["page_address", "selected_text", "comment", "language", "created_at"]
    copy_view_enabled = False
    form_fields = ["page_address", "selected_text", "comment"]
