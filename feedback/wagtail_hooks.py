"""The mistake reports in the admin, read and deleted only (feedback.viewsets.ReadAndDeletePolicy)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ErrorReport
from .viewsets import ErrorReportViewSet, ReadAndDeletePolicy

register_permission_policy(ErrorReport, ReadAndDeletePolicy(ErrorReport))


@hooks.register("register_admin_viewset")
def register_error_reports():
    return ErrorReportViewSet()
