"""Editors manage the atlas's reference data as snippets, with search and filters (Wagtail viewsets)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .exchange import may_import
from .models import (
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    SchoolSubject,
    Sector,
    Specialty,
)
from .viewsets import ProfessionCardViewSet


class AtlasViewSet(SnippetViewSet):
    # Search uses the models' own search_fields (name, code). Naming fields here restricts the query in a way
    # the SQLite backend turns into invalid SQL ("no such column: name").
    list_display = ["name", "confidence", "locale"]
    list_filter = ["confidence", "locale"]


class SectorViewSet(AtlasViewSet):
    model = Sector
    icon = "cogs"


class DistrictViewSet(AtlasViewSet):
    model = MunicipalDistrict
    icon = "site"
    list_display = ["name", "kind", "centre", "confidence"]
    list_filter = ["kind", "confidence", "locale"]


class EmployerViewSet(AtlasViewSet):
    model = Employer
    icon = "group"
    list_display = ["name", "sector", "city", "confidence"]
    list_filter = ["sector", "confidence", "locale"]


class OrganisationViewSet(AtlasViewSet):
    model = EducationalOrganization
    icon = "home"
    list_display = ["name", "short_name", "kind", "district", "confidence"]
    list_filter = ["kind", "district", "confidence", "locale"]


class SpecialtyViewSet(AtlasViewSet):
    model = Specialty
    icon = "list-ul"
    list_display = ["code", "name", "level", "confidence"]
    list_filter = ["level", "confidence", "locale"]


class ProjectViewSet(AtlasViewSet):
    model = InvestmentProject
    icon = "pick"
    list_display = ["name", "jobs", "years", "confidence"]


class SchoolSubjectViewSet(SnippetViewSet):
    model = SchoolSubject
    icon = "clipboard-list"
    list_display = ["name", "code", "locale"]
    list_filter = ["locale"]


class AtlasGroup(SnippetViewSetGroup):
    menu_label = "Атлас"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        SectorViewSet,
        DistrictViewSet,
        EmployerViewSet,
        OrganisationViewSet,
        SpecialtyViewSet,
        ProjectViewSet,
        SchoolSubjectViewSet,
    )


register_snippet(AtlasGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("atlas/import/", admin_views.import_view, name="atlas_import"),
        path("atlas/import/template/<slug:kind>/", admin_views.template_view, name="atlas_import_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("Импорт в атлас", reverse("atlas_import"), icon_name="upload", order=210)


@hooks.register("register_admin_viewset")
def register_profession_cards():
    return ProfessionCardViewSet()
