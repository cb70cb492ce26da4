"""The admin side of every request for an account (an organisation's, a teacher's): the reviewers' listing with
«Approve» and «Reject» for a confirmed request, and the two URLs of the decision. Each feature app's review viewset
uses these with its own idea of who reviews and what a decision does."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from portal.account_requests import RequestStatus

DECISION_LABELS = {"approve": _("Approve"), "reject": _("Reject")}


class ReviewersOnlyMixin:
    """For a review viewset's generic views: only reviewers (``is_reviewer(user)``) reach them, and only for the
    ``reviewer_permissions`` the app allows there. Requests come from the public form only, so «add» is never among
    them, and an applicant's own model permissions never open the list of all requests."""

    reviewer_permissions = frozenset()

    @staticmethod
    def is_reviewer(user):
        raise NotImplementedError

    def user_has_permission(self, permission):
        return permission in self.reviewer_permissions and self.is_reviewer(self.request.user)

    def user_has_any_permission(self, permissions):
        return any(self.user_has_permission(permission) for permission in permissions)


class DecisionColumn(Column):
    """«Approve» and «Reject» links for a request whose address is confirmed, to the review viewset's decision
    URLs (``ReviewViewSet``; ``url_namespace`` is its name)."""

    cell_template_name = "portal/admin/decision_cell.html"

    def __init__(self, name, url_namespace, **kwargs):
        super().__init__(name, **kwargs)
        self.url_namespace = url_namespace

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.status == RequestStatus.CONFIRMED:
            context["links"] = [
                (reverse(f"{self.url_namespace}:{action}", args=[instance.pk]), label)
                for action, label in DECISION_LABELS.items()
            ]
        return context


class ReviewViewSet(ModelViewSet):
    """A viewset of account requests with the decision's URLs, ``<pk>/approve/`` and ``<pk>/reject/``, both served
    by the app's ``decide(request, pk, action)``: GET shows what the decision does, POST takes it."""

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(path(f"<int:pk>/{action}/", self.decide, {"action": action}, name=action) for action in DECISION_LABELS),
        ]

    def decide(self, request, pk, action):
        raise NotImplementedError
