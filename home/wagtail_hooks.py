from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .guide import guide_view
from .patterns import patterns_view


@hooks.register("register_admin_urls")
def register_patterns_url():
    # Under the admin's URLs: only people who may use the admin see it (the others go to the sign-in page).
    return [
        path("patterns/", patterns_view, name="portal_patterns"),
        path("guide/", guide_view, name="portal_guide"),
        path("guide/<slug:section>/", guide_view, name="portal_guide_section"),
    ]


@hooks.register("register_help_menu_item")
def register_patterns_menu_item():
    return MenuItem(_("Design patterns"), reverse("portal_patterns"), icon_name="doc-full", order=900)


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    # Next to the design patterns, above them: every person who may use the admin sees it.
    return MenuItem(_("Editor's guide"), reverse("portal_guide"), icon_name="help", order=890)
