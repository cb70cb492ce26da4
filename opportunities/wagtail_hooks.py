"""Opportunities in the admin (the organisation's own, or every one for editors) and their block on atlas cards."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from partners.permissions import OrganisationPermissionPolicy

from . import college_work
from .booking_viewsets import BookingPermissionPolicy, BookingViewSet
from .card import employer_block, profession_block
from .indicator import ATTENDANCE
from .models import Booking, Opportunity
from .participation import monitoring_block
from .viewsets import OpportunityViewSet

register_permission_policy(Opportunity, OrganisationPermissionPolicy(Opportunity))
register_permission_policy(Booking, BookingPermissionPolicy(Booking))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [OpportunityViewSet(), BookingViewSet()]


hooks.register("profession_card_sections", profession_block)
hooks.register("employer_page_sections", employer_block)
hooks.register("monitoring_index_sections", monitoring_block)


@hooks.register("register_portal_count")
def attendance_count():
    """Indicator 9 as the portal counts it (opportunities.indicator)."""
    return ATTENDANCE


@hooks.register("register_college_work_column")
def college_sessions():
    """Direction 8 of the monitoring: the colleges' sessions on the portal (opportunities.college_work)."""
    return college_work.COLUMN
