"""Booths in the admin (the organisation's own, or every one for editors), the fairs' results on the monitoring
page, and the student's fairs in their cabinet and in the download of their data."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from partners.permissions import OrganisationPermissionPolicy

from . import results, student_data
from .models import Booth
from .viewsets import BoothViewSet

register_permission_policy(Booth, OrganisationPermissionPolicy(Booth))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return BoothViewSet()


hooks.register("monitoring_index_sections", results.monitoring_block)
hooks.register("student_cabinet_sections", student_data.cabinet_block)
hooks.register("student_data", student_data.export)


@hooks.register("register_college_work_column")
def colleges_at_fairs():
    """Direction 8 of the monitoring: the colleges' places at the fairs (fairs.results)."""
    return results.COLLEGES_AT_FAIRS
