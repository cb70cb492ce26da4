"""The admin for organisation accounts: the editors' list of requests with «approve» and «reject», and each
organisation's own profile, which its people see and edit alone (OrganisationPermissionPolicy)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from portal import account_request_admin
from portal.account_request_admin import DecisionColumn

from . import accounts
from .models import Organisation
from .permissions import OwnInstancesMixin, ReviewersOnlyMixin, is_reviewer, organisation_of

DECISIONS = {
    "approve": (accounts.approve, _("Approve"), _("The account of %(name)s is open; its contact has been told.")),
    "reject": (accounts.reject, _("Reject"), _("The request of %(name)s is rejected; its contact has been told.")),
}


class MenuItemFor(MenuItem):
    """A main menu item shown to whom ``shown_to(user)`` says (two viewsets share one model and its policy)."""

    shown_to = staticmethod(lambda user: False)

    def is_shown(self, request):
        return self.shown_to(request.user)


def reviewers_only(view_class):
    return type(f"Review{view_class.__name__}", (ReviewersOnlyMixin, view_class), {})


def own_instances_only(view_class):
    return type(f"Own{view_class.__name__}", (OwnInstancesMixin, view_class), {})


class ReviewViewSet(account_request_admin.ReviewViewSet):
    """Editors: every request, filtered by status; a confirmed one is approved or rejected here."""

    model = Organisation
    name = "partners_review"
    url_prefix = "organisations/requests"
    menu_name = "partners_review"
    icon = "group"
    menu_label = _("Organisation accounts")
    add_to_admin_menu = True
    menu_order = 270
    menu_item_class = type("ReviewMenuItem", (MenuItemFor,), {"shown_to": staticmethod(is_reviewer)})
    index_view_class = reviewers_only(generic.IndexView)
    edit_view_class = reviewers_only(generic.EditView)
    delete_view_class = reviewers_only(generic.DeleteView)
    add_view_class = reviewers_only(generic.CreateView)
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = [
        "name",
        "inn",
        "contact_name",
        "email",
        "status",
        "created_at",
        DecisionColumn("decision", "partners_review", label=_("Decision")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "inn", "email", "contact_name"]
    form_fields = [
        "name",
        "inn",
        "employer",
        "educational_organization",
        "description",
        "website",
        "contact_name",
        "contact_position",
        "email",
        "phone",
    ]

    def decide(self, request, pk, action):
        """GET: what approving or rejecting will do, with a button; POST: do it."""
        if action not in DECISIONS or not is_reviewer(request.user):
            raise PermissionDenied
        organisation = get_object_or_404(Organisation, pk=pk)
        do, label, done = DECISIONS[action]
        if request.method == "POST":
            if do(organisation, request.user):
                messages.success(request, done % {"name": organisation.name})
            else:
                messages.error(request, _("This request has been decided already or its address is not confirmed."))
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "partners/admin/decide.html",
            {
                "organisation": organisation,
                "action": action,
                "label": label,
                "index_url": reverse(self.get_url_name("index")),
            },
        )


class ProfileViewSet(ModelViewSet):
    """An organisation's people: their own organisation's profile, nothing else (no list of others, no adding)."""

    model = Organisation
    name = "partners_profile"
    url_prefix = "organisations/profile"
    menu_name = "partners_profile"
    icon = "group"
    menu_label = _("Organisation profile")
    add_to_admin_menu = True
    menu_order = 100
    menu_item_class = type(
        "ProfileMenuItem", (MenuItemFor,), {"shown_to": staticmethod(lambda user: organisation_of(user) is not None)}
    )
    index_view_class = own_instances_only(generic.IndexView)
    edit_view_class = own_instances_only(generic.EditView)
    delete_view_class = own_instances_only(generic.DeleteView)
    add_view_class = own_instances_only(generic.CreateView)
    list_display = ["name", "contact_name", "email"]
    form_fields = ["description", "website", "contact_name", "contact_position", "phone"]
    inspect_view_enabled = False
    copy_view_enabled = False

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index"))


class NextStepsPanel(Component):
    """The dashboard of an organisation's people: what to do next."""

    name = "partners_next_steps"
    order = 10
    template_name = "partners/admin/next_steps.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        organisation = organisation_of(request.user)
        return {
            "organisation": organisation,
            "profile_url": reverse("partners_profile:edit", args=[organisation.pk]),
            "images_url": reverse("wagtailimages:add_multiple") + f"?collection_id={organisation.collection_id}"
            if organisation.collection_id
            else reverse("wagtailimages:add_multiple"),
        }
