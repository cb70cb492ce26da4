"""The courses in the admin: moderators keep the catalogue; each course's organisers see its enrolments and confirm
that a teacher completed it. The enrolments' permission policy narrows every view to the organiser's own courses,
whatever other permissions the account has (editors and superusers see no teacher's enrolment)."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from partners.permissions import PolicyInspectView, PolicyInstancesMixin, SeenByPolicy

from . import access, enrolling
from .models import Course, Enrolment, EnrolmentStatus


class CourseForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = access.organiser_candidates()
        self.fields["organisers"].help_text = _(
            "Only these accounts see who enrolled and confirm completion. An account is offered here once an "
            "administrator has put it in the group «%(group)s»."
        ) % {"group": access.ORGANISERS_GROUP}


class CourseViewSet(ModelViewSet):
    model = Course
    icon = "doc-full"
    menu_label = _("Courses")
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel(name) for name in ("title_ru", "title_en", "summary_ru", "summary_en", "is_demonstration")],
                heading=_("The course"),
            ),
            MultiFieldPanel(
                [FieldPanel(name) for name in ("for_teachers", "for_navigators", "for_psychologists")],
                heading=_("For whom"),
            ),
            MultiFieldPanel(
                [FieldPanel(name) for name in ("hours", "format", "starts_on", "ends_on", "provider", "district")],
                heading=_("When and where"),
            ),
            FieldPanel("programme"),
            MultiFieldPanel(
                [
                    FieldPanel("enrolment_closes_on"),
                    FieldPanel("enrolment_open"),
                    FieldPanel("places"),
                    FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Enrolment"),
            ),
        ],
        base_form_class=CourseForm,
    )
    list_display = ["title_ru", "starts_on", "ends_on", "format", "district", "places"]
    list_filter = ["format", "district", "is_demonstration"]
    search_fields = ["title_ru", "provider"]
    ordering = ["-starts_on"]
    copy_view_enabled = False
    inspect_view_enabled = False


class OrganiserPolicy(SeenByPolicy):
    """Teachers enrol themselves (no «add» for anyone); the model permissions of the group, narrowed to the
    enrolments on the courses the account organises."""


class EnrolmentInspectView(PolicyInspectView):
    """An enrolment on another organiser's course is a 404 here, as in the list; the page offers the confirmation."""

    template_name = "courses/admin/enrolment_inspect.html"
    complete_url_name = None
    fields = ["course", "full_name", "school", "district", "enrolled_at", "status", "completed_on", "forget_on"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["complete_url"] = reverse(self.complete_url_name, args=[self.object.pk])
        context["can_complete"] = self.object.status == EnrolmentStatus.ENROLLED
        return context


def narrowed(view_class):
    return type(f"OwnCourses{view_class.__name__}", (PolicyInstancesMixin, view_class), {})


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    index_view_class = narrowed(generic.IndexView)
    inspect_view_class = EnrolmentInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Nothing is edited here (the group has no «change»: the edit view refuses everyone); Wagtail still wants fields.
    form_fields = ["status"]
    list_display = [
        "full_name",
        "course",
        "school",
        "district",
        "status",
        "completed_on",
        Column("forget_on", label=_("To be deleted by"), accessor="forget_on"),
    ]
    list_filter = ["course", "status"]
    ordering = ["course", "full_name"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(complete_url_name=self.get_url_name("complete"), **kwargs)

    def complete_view(self, request, pk):
        """POST: an organiser of the course confirms that the teacher completed it («Подтвердить прохождение»)."""
        if request.method != "POST":
            return redirect(self.get_url_name("inspect"), pk)
        enrolment = get_object_or_404(Enrolment.objects.seen_by(request.user).select_related("course"), pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(request.user, "view", enrolment):
            raise Http404
        try:
            enrolling.mark_completed(enrolment, request.user)
        except enrolling.Refused as refused:
            messages.error(request, str(refused.message))
            return redirect(self.get_url_name("inspect"), pk)
        messages.success(
            request,
            gettext("Completion confirmed for %(name)s on %(date)s.")
            % {"name": enrolment.full_name, "date": enrolment.completed_on.strftime("%d.%m.%Y")},
        )
        return redirect(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("complete/<int:pk>/", self.complete_view, name="complete")]


class CoursesGroup(ViewSetGroup):
    menu_label = _("Courses")
    menu_icon = "doc-full"
    menu_order = 229
    items = [
        CourseViewSet("courses_courses", url_prefix="courses/courses"),
        EnrolmentViewSet("courses_enrolments", url_prefix="courses/enrolments"),
    ]
