"""What a visitor does at a fair: registers (with the consent to the current text in force), books interview slots,
cancels them, is reminded the day before, and is forgotten ``FAIR_VISITORS_KEPT_DAYS`` after the fair.

Places are never given twice, nor one person two interviews at the same time: a booking is written while the slot's
row and the visitor's registration are locked (``select_for_update``), so a second booking of the same slot, or of
the same person, waits until the first commits and then counts what it left. SQLite has no row locks, but the site's
SQLite transactions begin IMMEDIATE (portal.settings.base): writers queue, each seeing what the one before wrote."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from opportunities.bookings import Refused, reminder_time
from partners.models import Status
from portal import locales
from portal.mail import queue_letter
from resumes import accounts

from .models.booths import BoothStatus, InterviewSlot
from .models.visits import Registration, SlotBooking

__all__ = ["Refused", "book", "cancel", "forget_visitors", "register", "unregister"]


def register(fair, student, needs=""):
    """The student's registration for ``fair`` (the original page), written now or found. Raises ``Refused`` when the
    fair is over or the student's consent to the current text is not in force."""
    if fair.is_past:
        raise Refused(_("This fair is over."))
    if accounts.needs_consent(student):
        raise Refused(_("Give your consent to the current text in your cabinet first: then you can register."))
    language = translation.get_language() or locales.default_language()
    try:
        with transaction.atomic():
            registration, created = Registration.objects.get_or_create(
                fair=fair, student=student, defaults={"needs": needs, "language": language}
            )
    except IntegrityError:  # the same person's second click, a moment after the first
        return Registration.objects.get(fair=fair, student=student)
    if not created and registration.needs != needs:
        registration.needs = needs
        registration.save(update_fields=["needs"])
    return registration


def unregister(registration):
    """Take back the registration with every booking in it (the booked places are free again)."""
    registration.delete()


def book(slot_id, registration):
    """Book the slot for the registered visitor and queue their letter and reminder. Raises ``Refused`` when the
    slot is not of this fair's shown booths, has begun, is full, or the visitor has an interview then already."""
    now = timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("fair", "student").get(pk=registration.pk)
        )
        slot = (
            InterviewSlot.objects.select_for_update(of=("self",))
            .select_related("booth__organisation")
            .filter(
                pk=slot_id,
                booth__fair=registration.fair_id,
                booth__status=BoothStatus.ACCEPTED,
                booth__organisation__status=Status.APPROVED,
            )
            .first()
        )
        if slot is None:
            raise Refused(_("This interview slot is not offered at this fair."))
        if slot.starts_at <= now:
            raise Refused(_("This interview has begun or is over: choose a later time."))
        mine = list(
            SlotBooking.objects.filter(registration=registration, cancelled_at__isnull=True).select_related("slot")
        )
        if any(booking.slot.booth_id == slot.booth_id for booking in mine):
            raise Refused(_("You have an interview with this employer already: cancel it to choose another time."))
        clash = next((b for b in mine if b.slot.starts_at < slot.ends_at and slot.starts_at < b.slot.ends_at), None)
        if clash is not None:
            raise Refused(
                _("At that time you have an interview with %(employer)s: choose another time.")
                % {"employer": clash.slot.booth.organisation.name}
            )
        left = slot.capacity - slot.held()
        if left <= 0:
            raise Refused(_("This time is fully booked: choose another one."))
        booking = SlotBooking.objects.create(slot=slot, registration=registration)
        mail(booking, "booked")
        schedule_reminder(booking)
    return booking


def cancel(booking):
    """The visitor cancels an interview that has not begun. Returns whether it was cancelled."""
    with transaction.atomic():
        booking = SlotBooking.objects.select_for_update(of=("self",)).select_related("slot").get(pk=booking.pk)
        if booking.cancelled_at is not None or booking.slot.starts_at <= timezone.now():
            return False
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["cancelled_at"])
    return True


def schedule_reminder(booking):
    """Queue the reminder for the day before the interview (none when the interview is today)."""
    day = timezone.localtime(booking.slot.starts_at).date()
    if day <= timezone.localdate():
        return None
    when = max(reminder_time(day), timezone.now())
    return send_reminder.using(run_after=when).enqueue(booking.pk)


@task(backend="long")
def send_reminder(booking_id):
    """Remind the visitor of tomorrow's interview; nothing when it was cancelled, has begun, or the reminder went
    already. Returns whether it sent."""
    with transaction.atomic():
        booking = (
            SlotBooking.objects.select_for_update(of=("self",))
            .select_related("slot__booth__organisation", "registration__student", "registration__fair")
            .filter(pk=booking_id)
            .first()
        )
        if booking is None or booking.cancelled_at or booking.reminder_sent_at:
            return False
        if booking.slot.starts_at <= timezone.now():
            return False
        mail(booking, "reminder")
        booking.reminder_sent_at = timezone.now()
        booking.save(update_fields=["reminder_sent_at"])
    return True


def mail(booking, kind):
    registration = booking.registration
    queue_letter(
        f"fairs/mail/{kind}.txt",
        {"booking": booking, "slot": booking.slot, "fair": registration.fair, "booth": booking.slot.booth},
        registration.student.email,
        registration.language,
    )


def forget_visitors(today=None):
    """Delete the registrations (and their bookings) of fairs that ended more than ``FAIR_VISITORS_KEPT_DAYS`` ago:
    the results the organisers record are numbers per booth and stay. Returns how many registrations went."""
    today = today or timezone.localdate()
    before = today - datetime.timedelta(days=settings.FAIR_VISITORS_KEPT_DAYS)
    _deleted, by_model = Registration.objects.filter(fair__ends_on__lt=before).delete()
    return by_model.get("fairs.Registration", 0)
