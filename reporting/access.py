"""Who sees which report. Roles are Wagtail groups: «Муниципальные координаторы» fill in and submit the reports of
the districts they are assigned to (the districts of their ``teachers.Coordinator`` row: one assignment of a
district's coordinator of career guidance, whatever they coordinate), «Аналитики мониторинга» open and close rounds
and decide every district's report. Every screen, export and file asks here; anybody else gets 403."""

from django.core.exceptions import PermissionDenied

from atlas.models import MunicipalDistrict
from teachers.models import Coordinator

COORDINATORS, ANALYSTS = "Муниципальные координаторы", "Аналитики мониторинга"
# Their permissions are granted by the migration reporting 0002.


def is_analyst(user):
    return user.is_active and user.has_perm("reporting.manage_rounds")


def districts_of(user):
    """The districts whose reports ``user`` fills in: none unless they hold the coordinators' role."""
    if not (user.is_active and user.has_perm("reporting.report_district")):
        return MunicipalDistrict.objects.none()
    return MunicipalDistrict.objects.filter(pk__in=Coordinator.districts_of(user)).order_by("name")


def may_see(user, district_id):
    return is_analyst(user) or districts_of(user).filter(pk=district_id).exists()


def may_edit(user, district_id):
    """Only the district's own coordinators change its figures; an analyst returns a report, never rewrites it."""
    return districts_of(user).filter(pk=district_id).exists()


def check_see(user, district_id):
    if not may_see(user, district_id):
        raise PermissionDenied


def check_edit(user, district_id):
    if not may_edit(user, district_id):
        raise PermissionDenied


def check_analyst(user):
    if not is_analyst(user):
        raise PermissionDenied
