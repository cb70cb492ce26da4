"""The admin's two faces of organisation accounts, and the narrowed admin an organisation's people see."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Organisation
from .permissions import ORGANISATION_MENU, OrganisationPermissionPolicy, is_organisation_member
from .viewsets import NextStepsPanel, ProfileViewSet, ReviewViewSet

# An organisation's people reach their own organisation's account only; later models of partners register the same
# policy with the default owner field.
register_permission_policy(Organisation, OrganisationPermissionPolicy(Organisation, owner_field="pk"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ReviewViewSet(), ProfileViewSet()]


@hooks.register("construct_main_menu")
def show_organisations_only_their_own(request, menu_items):
    """People whose only role is their organisation's see only what it manages: a small company's staff should not
    have to find their way past menus that are not theirs."""
    if is_organisation_member(request.user):
        menu_items[:] = [item for item in menu_items if item.name in ORGANISATION_MENU]


@hooks.register("construct_homepage_panels")
def next_steps_for_organisations(request, panels):
    if is_organisation_member(request.user):
        panels[:] = [NextStepsPanel()]
