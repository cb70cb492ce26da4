from wagtail import hooks

from . import in_use
from .viewsets import CoordinatorViewSet, TeacherRequestViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [TeacherRequestViewSet(), CoordinatorViewSet()]


# «Мы используем эти материалы» on the pages of early-guidance kits, and indicator 6 counted from it (teachers.in_use).
hooks.register("methodics_kit_actions", in_use.kit_action)


@hooks.register("register_portal_count")
def kits_in_use_count():
    """Indicator 6 as the portal counts it (teachers.in_use)."""
    return in_use.IN_USE
