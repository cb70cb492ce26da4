"""The courses in the admin (courses.viewsets), the enrolments' permission policy, and indicator 3 as the portal
counts it (courses.indicator)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import indicator
from .models import Enrolment
from .viewsets import CoursesGroup, OrganiserPolicy

register_permission_policy(Enrolment, OrganiserPolicy(Enrolment))


@hooks.register("register_admin_viewset")
def register_courses():
    return CoursesGroup()


@hooks.register("register_portal_count")
def course_completions_count():
    """Indicator 3 as the portal counts it (courses.indicator)."""
    return indicator.COMPLETIONS
