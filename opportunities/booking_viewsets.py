"""Bookings in the admin: an organisation's people see the bookings of their own organisation's opportunities only,
confirm or decline each (with a message for the teacher) and, from the date on, record how many students came.
Editors see every organisation's. Nobody adds or deletes a booking here: teachers make them on the site."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from partners.permissions import OrganisationPermissionPolicy, PolicyInstancesMixin, organisation_of

from . import bookings
from .booking_forms import AttendanceForm, DecisionForm
from .models import Booking, BookingStatus


class BookingPermissionPolicy(OrganisationPermissionPolicy):
    """The organisations' policy, through the booked slot's opportunity; no one adds or deletes a booking in the
    admin (a teacher's booking is their record, and the slot's)."""

    def __init__(self, model):
        super().__init__(model, owner_field="slot__opportunity__organisation_id")

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def _owns(self, user, instance):
        organisation = organisation_of(user)
        return organisation is None or instance.slot.opportunity.organisation_id == organisation.pk


class BookingIndexView(PolicyInstancesMixin, generic.IndexView):
    """Each row leads to the booking's page (its answer and attendance), not to an edit form."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("slot__opportunity")

    def get_edit_url(self, instance):
        return reverse("bookings:booking", args=[instance.pk])


class BookingViewSet(ModelViewSet):
    model = Booking
    name = "bookings"
    url_prefix = "bookings"
    menu_name = "bookings"
    icon = "list-ul"
    menu_label = _("Bookings")
    add_to_admin_menu = True
    menu_order = 120
    index_view_class = BookingIndexView
    inspect_view_enabled = False
    copy_view_enabled = False
    form_fields = ["message"]  # no edit form is served (get_urlpatterns); the viewset still needs one declared
    list_display = [
        "school",
        Column("opportunity", label=_("opportunity"), accessor="slot.opportunity.title"),
        Column("slot", label=_("time slot"), accessor="slot"),
        "grade",
        "students",
        "students_with_disabilities",
        "status",
        "attended",
    ]
    list_filter = ["status"]
    search_fields = ["school", "contact_name"]

    def get_urlpatterns(self):
        listing = [p for p in super().get_urlpatterns() if p.name in ("index", "index_results")]
        return [*listing, path("<int:pk>/", self.booking_view, name="booking")]

    def booking_view(self, request, pk):
        """GET: the booking with the forms that fit its state; POST ``confirm``, ``decline`` or ``attendance``."""
        policy = self.permission_policy
        allowed = policy.instances_user_has_any_permission_for(request.user, ["change"])
        booking = get_object_or_404(allowed.select_related("slot__opportunity__organisation"), pk=pk)
        decision = DecisionForm(request.POST if request.POST.get("action") in ("confirm", "decline") else None)
        attendance = AttendanceForm(
            request.POST if request.POST.get("action") == "attendance" else None, booking=booking
        )
        refused_state = False
        if request.method == "POST":
            action = request.POST.get("action")
            try:
                if action in ("confirm", "decline") and decision.is_valid():
                    step = bookings.confirm if action == "confirm" else bookings.decline
                    step(booking, decision.cleaned_data["message"])
                    done = _("The booking is confirmed.") if action == "confirm" else _("The booking is declined.")
                    messages.success(request, _("%(done)s The teacher gets a letter.") % {"done": done})
                    return redirect(self.get_url_name("index"))
                if action == "attendance" and attendance.is_valid():
                    bookings.record_attendance(booking, attendance.cleaned_data["attended"])
                    messages.success(request, _("Attendance is recorded."))
                    return redirect(self.get_url_name("index"))
                if action not in ("confirm", "decline", "attendance"):
                    raise PermissionDenied
            except bookings.Refused as refused:
                form = attendance if action == "attendance" else decision
                if refused.field in form.fields:
                    form.add_error(refused.field, str(refused.message))
                else:  # the booking's state, not a field: the form may not be shown at all
                    messages.error(request, refused.message)
                    refused_state = True
        context = {
            "booking": booking,
            "decision": decision if booking.status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED) else None,
            "can_confirm": booking.status == BookingStatus.REQUESTED and not booking.slot.is_past,
            "can_decline": booking.holds_places and not booking.slot.is_past,
            "attendance": attendance if booking.can_record_attendance else None,
            "index_url": reverse(self.get_url_name("index")),
        }
        status = 400 if refused_state or decision.errors or attendance.errors else 200
        return TemplateResponse(request, "opportunities/admin/booking.html", context, status=status)
