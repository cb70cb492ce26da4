"""The admin for teachers' accounts: the requests, which editors decide in every district and a coordinator in
their own districts only, and the coordinators, whom editors appoint."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from atlas.models import MunicipalDistrict
from portal.account_request_admin import DecisionColumn, ReviewersOnlyMixin, ReviewViewSet

from . import accounts
from .forms import RejectionForm
from .models import Coordinator, TeacherRequest, rejected_kept


def may_review(user):
    """Editors with the «review» permission and district coordinators."""
    return user.is_active and (user.has_perm("teachers.review_teacherrequest") or Coordinator.is_coordinator(user))


def reviewable_districts(request):
    """The districts whose requests the user sees (the filter offers only these)."""
    user = request.user if request else None
    districts = MunicipalDistrict.objects.filter(pk__in=TeacherRequest.objects.values("district"))
    if user is None or user.has_perm("teachers.review_teacherrequest"):
        return districts
    return districts.filter(pk__in=Coordinator.districts_of(user))


class TeacherRequestFilterSet(WagtailFilterSet):
    district = django_filters.ModelChoiceFilter(queryset=reviewable_districts, label=_("municipal district"))

    class Meta:
        model = TeacherRequest
        fields = ["status", "district"]


class ReviewersMixin(ReviewersOnlyMixin):
    """Only reviewers reach these views, and each sees only the requests ``for_reviewer`` gives them: another
    district's request is a 404 to a coordinator, as if it were not there. Requests come from the public form only,
    and are deleted by ``forget_teacher_requests``, so nothing is added or deleted here."""

    reviewer_permissions = frozenset({"view", "change"})
    is_reviewer = staticmethod(may_review)

    def get_base_queryset(self):  # the listing's, before its filters and search
        return TeacherRequest.objects.for_reviewer(self.request.user).select_related("district")


class ReviewersObjectMixin(ReviewersMixin):
    def get_queryset(self):  # the edit view's object comes from this
        return TeacherRequest.objects.for_reviewer(self.request.user)


def reviewers_only(view_class):
    mixin = ReviewersMixin if issubclass(view_class, generic.IndexView) else ReviewersObjectMixin
    return type(f"Review{view_class.__name__}", (mixin, view_class), {})


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review(request.user)


class TeacherRequestViewSet(ReviewViewSet):
    model = TeacherRequest
    name = "teacher_requests"
    url_prefix = "teachers/requests"
    icon = "user"
    menu_label = _("Teachers' accounts")
    add_to_admin_menu = True
    menu_order = 275
    menu_item_class = ReviewMenuItem
    index_view_class = reviewers_only(generic.IndexView)
    edit_view_class = reviewers_only(generic.EditView)
    delete_view_class = reviewers_only(generic.DeleteView)
    add_view_class = reviewers_only(generic.CreateView)
    inspect_view_enabled = False
    copy_view_enabled = False
    filterset_class = TeacherRequestFilterSet
    list_display = [
        "full_name",
        "school",
        "district",
        "email",
        "status",
        "created_at",
        DecisionColumn("decision", "teacher_requests", label=_("Decision")),
    ]
    search_fields = ["full_name", "school", "email"]
    form_fields = ["full_name", "school", "district", "position"]

    def decide(self, request, pk, action):
        """GET: the request and what the decision does (with the reason's field for a rejection); POST: decide."""
        if not may_review(request.user):
            raise PermissionDenied
        teacher = get_object_or_404(TeacherRequest.objects.for_reviewer(request.user), pk=pk)
        form = RejectionForm(request.POST if request.method == "POST" else None) if action == "reject" else None
        if request.method == "POST" and (form is None or form.is_valid()):
            if action == "approve":
                done = accounts.approve(teacher, request.user)
                message = _("The account of %(name)s is open; the teacher has been told.")
            else:
                done = accounts.reject(teacher, request.user, form.cleaned_data["reason"])
                message = _("The request of %(name)s is rejected; the teacher has been told the reason.")
            if done:
                messages.success(request, message % {"name": teacher.full_name})
            else:
                messages.error(request, _("This request has been decided already."))
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "teachers/admin/decide.html",
            {
                "teacher": teacher,
                "action": action,
                "label": _("Approve") if action == "approve" else _("Reject"),
                "form": form,
                "index_url": reverse(self.get_url_name("index")),
                "kept_days": rejected_kept().days,
            },
            status=400 if form is not None and form.errors else 200,
        )


class CoordinatorViewSet(ModelViewSet):
    """Editors appoint coordinators: a user and the districts whose teachers they approve."""

    model = Coordinator
    name = "teacher_coordinators"
    url_prefix = "teachers/coordinators"
    icon = "group"
    menu_label = _("Teachers' coordinators")
    add_to_settings_menu = True
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = ["user", "user__email"]
    panels = [FieldPanel("user"), FieldPanel("districts", widget=forms.CheckboxSelectMultiple)]
