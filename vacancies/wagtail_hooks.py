"""Vacancies in the admin (the organisation's own, or every one for editors)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from partners.permissions import OrganisationPermissionPolicy

from .models import Vacancy
from .viewsets import VacancyViewSet

register_permission_policy(Vacancy, OrganisationPermissionPolicy(Vacancy))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return VacancyViewSet()
