"""A student's registration for a fair and the interview slots they booked: personal data, kept with the student's
account (deleted with it) and erased ``FAIR_VISITORS_KEPT_DAYS`` after the fair (fairs.visits.forget_visitors)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resumes.models import StudentAccount

from .booths import InterviewSlot


class Registration(models.Model):
    fair = models.ForeignKey(
        "fairs.FairPage", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("fair")
    )
    student = models.ForeignKey(
        StudentAccount, on_delete=models.CASCADE, related_name="fair_registrations", verbose_name=_("visitor")
    )
    needs = models.TextField(
        _("what you need at the fair"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Optional: an interpreter, a ramp, a quiet place, more time at the interview. Only the organisers and "
            "the employers you book see it."
        ),
    )
    # The language the visitor registered in: their letters are written in it (fairs.visits.register sets it).
    language = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("registration for a fair")
        verbose_name_plural = _("registrations for fairs")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["fair", "student"], name="one_registration_per_fair")]

    def __str__(self):
        return f"{self.student} — {self.fair}"


class SlotBooking(models.Model):
    slot = models.ForeignKey(InterviewSlot, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("slot"))
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("registration")
    )
    created_at = models.DateTimeField(_("booked"), default=timezone.now, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("interview booking")
        verbose_name_plural = _("interview bookings")
        ordering = ["slot__starts_at"]
        constraints = [
            # fairs.visits.book refuses a second one with a message; this keeps a race from writing two.
            models.UniqueConstraint(
                fields=["slot", "registration"], condition=Q(cancelled_at__isnull=True), name="one_booking_per_slot"
            )
        ]

    def __str__(self):
        return f"{self.registration.student} — {self.slot}"

    @property
    def is_active(self):
        return self.cancelled_at is None
