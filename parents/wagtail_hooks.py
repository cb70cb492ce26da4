"""The parents' section in the admin: the directory of centres (editors) and the questions (each centre's staff),
under one menu item; the questions' permission policy (parents.viewsets.CentreStaffPolicy)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ConsultationRequest
from .viewsets import CentreStaffPolicy, ParentsGroup

register_permission_policy(ConsultationRequest, CentreStaffPolicy(ConsultationRequest))


@hooks.register("register_admin_viewset")
def register_parents():
    return ParentsGroup()
