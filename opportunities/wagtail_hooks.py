"""Opportunities in the admin (the organisation's own, or every one for editors) and their block on atlas cards."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from partners.permissions import OrganisationPermissionPolicy

from .card import employer_block, profession_block
from .models import Opportunity
from .viewsets import OpportunityViewSet

register_permission_policy(Opportunity, OrganisationPermissionPolicy(Opportunity))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return OpportunityViewSet()


hooks.register("profession_card_sections", profession_block)
hooks.register("employer_page_sections", employer_block)
