"""The résumé search in the admin, for verified employers only: its URLs and its menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.former_addresses import former_routes

from . import admin_views
from .employers import employer_of

MENU_NAME = "resumes"

urlpatterns = [
    path("", admin_views.search_view, name="search"),
    path("<int:pk>/", admin_views.resume_view, name="resume"),
    path("<int:pk>/fail/<int:file_pk>/", admin_views.resume_file, name="file"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("reziume/", include((urlpatterns, "resumes_admin"), namespace="resumes_admin")),
        *former_routes("rezyume/"),  # the first spelling
    ]


class EmployersMenuItem(MenuItem):
    def is_shown(self, request):
        return employer_of(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return EmployersMenuItem(
        _("Students' résumés"), reverse("resumes_admin:search"), name=MENU_NAME, icon_name="user", order=260
    )
