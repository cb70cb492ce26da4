from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .patterns import patterns_view


@hooks.register("register_admin_urls")
def register_patterns_url():
    # Under the admin's URLs: only people who may use the admin see it (the others go to the sign-in page).
    return [path("patterns/", patterns_view, name="portal_patterns")]


@hooks.register("register_help_menu_item")
def register_patterns_menu_item():
    return MenuItem(_("Design patterns"), reverse("portal_patterns"), icon_name="doc-full", order=900)
