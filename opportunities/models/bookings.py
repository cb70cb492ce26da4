"""A teacher's booking of places on an opportunity's time slot for a school class: how many students, how many of them
with disabilities and what they need, the teacher's contact; the organisation's answer, and afterwards how many came.
No student is named anywhere: a class is counted, not listed."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import phone_validator
from portal.disabilities import DISABILITY_CATEGORIES

from .opportunities import OpportunitySlot


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("awaiting the organisation's answer")
    CONFIRMED = "confirmed", _("confirmed")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled by the teacher")


# Bookings that take places from the slot. A request holds its places until the organisation answers: otherwise two
# classes could be told the same last places are free, and the organisation would have to decline one of them.
HOLDING = [BookingStatus.REQUESTED, BookingStatus.CONFIRMED]


def held_places(prefix=""):
    """The students of the holding bookings, as an expression: of a slot (``prefix`` "bookings__") or of the bookings
    queried (no prefix)."""
    return Coalesce(Sum(f"{prefix}students", filter=Q(**{f"{prefix}status__in": HOLDING})), 0)


class BookingQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING)

    def held(self):
        """How many places the bookings queried hold."""
        return self.aggregate(held=held_places())["held"]


class Booking(models.Model):
    """A class's booking of places on a time slot, made by a teacher on the opportunity's page; the organisation
    confirms or declines it, and after the date records how many came (indicator 9 counts them)."""

    slot = models.ForeignKey(
        OpportunitySlot,
        on_delete=models.PROTECT,  # the slot keeps its bookings' record: opportunities.forms explains the refusal
        related_name="bookings",
        verbose_name=_("time slot"),
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,  # a closed account leaves the class's attendance counted
        related_name="+",
        verbose_name=_("teacher"),
    )
    school = models.CharField(_("school"), max_length=255)
    # Where the school is, not where the visit is: indicator 9 counts a district's students (opportunities.indicator).
    # Empty only on bookings written before the form asked.
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("school's municipal district"),
    )
    grade = models.PositiveSmallIntegerField(_("grade"), validators=[MinValueValidator(1), MaxValueValidator(11)])
    students = models.PositiveSmallIntegerField(_("number of students"), validators=[MinValueValidator(1)])
    students_with_disabilities = models.PositiveSmallIntegerField(_("of them, students with disabilities"), default=0)
    adaptations = models.JSONField(
        _("adaptations needed for"), default=list, blank=True, help_text=_("Disability categories (portal codes).")
    )
    adaptations_note = models.TextField(_("what the students need"), blank=True)
    contact_name = models.CharField(_("teacher's name"), max_length=255)
    contact_phone = models.CharField(_("phone"), max_length=40, validators=[phone_validator])
    contact_email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language of the correspondence"), max_length=10, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    created_at = models.DateTimeField(_("booked"), default=timezone.now)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    message = models.TextField(_("the organisation's message"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.PositiveSmallIntegerField(_("students who came"), null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    # When the teacher's contact and the words about the students were erased (opportunities.bookings.forget_contacts):
    # the counts stay for the programme's figures, nothing that names or reaches a person.
    contacts_forgotten_at = models.DateTimeField(_("contacts erased"), null=True, blank=True, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at"]
        # The forms say what is wrong in words; these keep any other writer from storing a class that cannot be.
        constraints = [
            models.CheckConstraint(condition=Q(students__gte=1), name="booking_has_students"),
            models.CheckConstraint(
                condition=Q(students_with_disabilities__lte=F("students")), name="booking_disabled_within_students"
            ),
            models.CheckConstraint(
                condition=Q(attended__isnull=True) | Q(attended__lte=F("students")), name="booking_attended_within"
            ),
        ]

    def __str__(self):
        return f"{self.school}, {self.grade} — {self.slot}"

    @property
    def opportunity(self):
        return self.slot.opportunity

    @property
    def holds_places(self):
        return self.status in HOLDING

    @property
    def can_be_cancelled(self):
        return self.holds_places and not self.slot.is_past

    @property
    def can_record_attendance(self):
        return self.status == BookingStatus.CONFIRMED and self.slot.date <= timezone.localdate()

    def adaptation_labels(self):
        names = dict(DISABILITY_CATEGORIES)
        return [str(names[code]) for code in self.adaptations if code in names]
