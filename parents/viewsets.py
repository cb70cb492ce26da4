"""The parents' section in the admin: editors keep the directory of centres; each centre's staff read the questions
sent to it, mark them answered or delete them. The questions' permission policy narrows every view to the reader's
own centres, whatever other permissions the account has."""

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

from . import access, consultations
from .models import ConsultationRequest, SupportCentre


class SupportCentreForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = access.centre_staff_candidates()
        self.fields["staff"].help_text = _(
            "Only these accounts see the questions sent to the centre. An account is offered here once an "
            "administrator has put it in the group «%(group)s»."
        ) % {"group": access.CENTRE_STAFF_GROUP}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accepts_requests") and not cleaned.get("staff"):
            self.add_error(
                "staff", _("A centre that takes questions through the portal needs at least one account to read them.")
            )
        return cleaned


class SupportCentreViewSet(ModelViewSet):
    model = SupportCentre
    icon = "group"
    menu_label = _("Support centres")
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel(name) for name in ("name_ru", "name_en", "kind", "district", "is_demonstration")],
                heading=_("The centre"),
            ),
            MultiFieldPanel(
                [FieldPanel(name) for name in ("address", "phone", "email", "website", "hours_ru", "hours_en")],
                heading=_("Contacts and hours"),
            ),
            FieldPanel("services_ru"),
            FieldPanel("services_en"),
            MultiFieldPanel(
                [FieldPanel("accepts_requests"), FieldPanel("staff", widget=forms.CheckboxSelectMultiple)],
                heading=_("Questions from parents"),
            ),
        ],
        base_form_class=SupportCentreForm,
    )
    list_display = ["name_ru", "kind", "district", "accepts_requests"]
    list_filter = ["kind", "district", "accepts_requests"]
    search_fields = ["name_ru", "address"]
    copy_view_enabled = False
    inspect_view_enabled = False


class CentreStaffPolicy(SeenByPolicy):
    """Questions can only be sent from the public form (no «add» for anyone) and are never edited (no «change», even
    for a superuser on a centre's staff: the question is the parent's words); the model permissions of the group,
    narrowed to the questions of the centres whose staff the account is."""

    refused = ("add", "change")


class QuestionInspectView(PolicyInspectView):
    """A question of another centre is a 404 here, as in the list; the page offers «answered» and «delete»."""

    template_name = "parents/admin/request_inspect.html"
    answer_url_name = None
    fields = ["centre", "created_at", "name", "email", "phone", "grade", "question", "answered_at", "forget_on"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answer_url"] = reverse(self.answer_url_name, args=[self.object.pk])
        context["delete_url"] = self.get_delete_url()
        return context


def narrowed(view_class):
    return type(f"OwnCentres{view_class.__name__}", (PolicyInstancesMixin, view_class), {})


class ConsultationRequestViewSet(ModelViewSet):
    model = ConsultationRequest
    icon = "help"
    menu_label = _("Parents' questions")
    index_view_class = narrowed(generic.IndexView)
    delete_view_class = narrowed(generic.DeleteView)
    inspect_view_class = QuestionInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Nothing is edited (the question is the parent's words): the policy refuses «change» to everyone, so the edit
    # view refuses everyone; Wagtail still wants fields to build its form from.
    form_fields = ["answered_at"]
    list_display = [
        "sender",
        "centre",
        "grade",
        "created_at",
        "answered_at",
        Column("forget_on", label=_("To be deleted by"), accessor="forget_on"),
    ]
    list_filter = ["centre", "grade"]
    ordering = ["-created_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(answer_url_name=self.get_url_name("answer"), **kwargs)

    def answer_view(self, request, pk):
        """POST: the centre has answered the question (it is deleted later, when its keeping time is over)."""
        if request.method != "POST":
            return redirect(self.get_url_name("inspect"), pk)
        consultation = get_object_or_404(ConsultationRequest.objects.seen_by(request.user), pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(request.user, "view", consultation):
            raise Http404
        consultations.mark_answered(consultation, request.user)
        messages.success(
            request,
            gettext("Marked answered. The question will be deleted by %(date)s.")
            % {"date": consultation.forget_on().strftime("%d.%m.%Y")},
        )
        return redirect(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("answer/<int:pk>/", self.answer_view, name="answer"),
        ]


class ParentsGroup(ViewSetGroup):
    menu_label = _("Parents")
    menu_icon = "group"
    menu_order = 228
    items = [
        SupportCentreViewSet("parents_centres", url_prefix="parents/centres"),
        ConsultationRequestViewSet("parents_requests", url_prefix="parents/questions"),
    ]
