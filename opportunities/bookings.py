"""What happens to a booking: a teacher books places for a class, the organisation confirms or declines it, a reminder
goes to both the day before, the teacher may cancel, and after the date the organisation records how many came.
Each step that concerns someone queues a letter (portal.mail) in the recipient's language, in the same transaction.

Places are never given twice: a booking is written while the slot's row is locked (``select_for_update``), so a
second booking of the same slot waits until the first commits and then counts its places. On PostgreSQL that is a
row lock; SQLite has no row locks (Django ignores ``select_for_update`` there), but the site's SQLite transactions
begin IMMEDIATE (portal.settings.base), taking the database's one write lock at once: writers queue, and each reads
the bookings committed before it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks import task

from portal import locales
from portal.addresses import public_url
from portal.groups import TEACHERS_GROUP
from portal.mail import queue_message

from . import indicator
from .listing import index_page_for
from .models.bookings import Booking, BookingStatus
from .models.opportunities import OpportunitySlot

# The reminder leaves the day before at this hour of the portal's time zone (TIME_ZONE, Khabarovsk): in working hours,
# when a school and an organisation still have the afternoon to sort out what the letter reminds them of.
REMINDER_HOUR = 10


class Refused(Exception):
    """A step that cannot be taken: the message says why, in words for the person who tried; ``field`` names the
    form field it concerns (None: the whole form)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def is_teacher(user):
    """A signed-in, approved teacher: a member of «Педагоги» (editors may book too, to try the form)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists()


def book(slot_id, teacher, **fields):
    """Write a booking of the slot for ``teacher`` with the form's ``fields`` and tell the organisation. Raises
    ``Refused`` when the date has passed, the opportunity takes no bookings or fewer places are left."""
    today = timezone.localdate()
    with transaction.atomic():
        slot = (
            OpportunitySlot.objects.select_for_update(of=("self",))
            .select_related("opportunity__organisation")
            .filter(pk=slot_id, opportunity__listed_until__isnull=False)
            .first()
        )
        if slot is None:
            raise Refused(_("This opportunity takes no bookings now."))
        if slot.date < today:
            raise Refused(_("This date has passed: choose one of the dates ahead."), "slot")
        left = slot.places - slot.bookings.held()
        if fields["students"] > left:
            if left <= 0:
                raise Refused(_("No places are left on this date: choose another one."), "slot")
            message = ngettext(
                "Only %(left)d place is left on this date: book fewer students or choose another date.",
                "Only %(left)d places are left on this date: book fewer students or choose another date.",
                left,
            ) % {"left": left}
            raise Refused(message, "students")
        booking = Booking.objects.create(
            slot=slot, teacher=teacher, language=translation.get_language() or locales.default_language(), **fields
        )
        mail_organisation(booking, "booked")
    return booking


def _locked(booking):
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__opportunity__organisation")
        .get(pk=booking.pk)
    )


def cancel(booking, teacher):
    """The teacher cancels their own booking before the date; the organisation is told. False if it cannot be."""
    with transaction.atomic():
        booking = _locked(booking)
        if booking.teacher_id != teacher.pk or not booking.can_be_cancelled:
            return False
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        mail_organisation(booking, "cancelled")
    return True


def confirm(booking, message=""):
    """The organisation confirms a request before its date: the teacher is told, the reminder is scheduled."""
    with transaction.atomic():
        booking = _locked(booking)
        if booking.status != BookingStatus.REQUESTED:
            raise Refused(_("This booking has been answered already or cancelled."))
        if booking.slot.is_past:
            raise Refused(_("The date of this booking has passed."))
        booking.status, booking.message, booking.decided_at = BookingStatus.CONFIRMED, message, timezone.now()
        booking.save(update_fields=["status", "message", "decided_at"])
        mail_teacher(booking, "confirmed")
        schedule_reminder(booking)
    return booking


def decline(booking, message=""):
    """The organisation declines a request, or a confirmed booking before its date (the reminder then sends
    nothing); the places are free again and the teacher is told."""
    with transaction.atomic():
        booking = _locked(booking)
        if booking.status not in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
            raise Refused(_("This booking has been declined or cancelled already."))
        if booking.slot.is_past:
            raise Refused(_("The date of this booking has passed."))
        booking.status, booking.message, booking.decided_at = BookingStatus.DECLINED, message, timezone.now()
        booking.save(update_fields=["status", "message", "decided_at"])
        mail_teacher(booking, "declined")
    return booking


def record_attendance(booking, attended):
    """How many of the booked students came, recorded on or after the date of a confirmed booking."""
    with transaction.atomic():
        booking = _locked(booking)
        if not booking.can_record_attendance:
            raise Refused(_("Attendance is recorded for a confirmed booking, on or after its date."))
        if attended < 0 or attended > booking.students:
            raise Refused(
                _("Between 0 and %(students)d: the class booked %(students)d places.") % {"students": booking.students},
                "attended",
            )
        booking.attended, booking.attendance_recorded_at = attended, timezone.now()
        booking.save(update_fields=["attended", "attendance_recorded_at"])
        indicator.publish_after_commit()
    return booking


def reminder_time(date):
    """When the reminder of a visit on ``date`` leaves: the day before at REMINDER_HOUR, the portal's local time."""
    day_before = date - datetime.timedelta(days=1)
    return datetime.datetime.combine(day_before, datetime.time(REMINDER_HOUR), tzinfo=timezone.get_default_timezone())


def schedule_reminder(booking):
    """Queue the reminder for the day before (at once when that hour has passed already; none on the day itself).
    It waits in the "long" queue's table with ``run_after``, as the search index retries do: the worker takes it when
    its time comes."""
    if booking.slot.date <= timezone.localdate():
        return None
    when = max(reminder_time(booking.slot.date), timezone.now())
    return send_reminder.using(run_after=when).enqueue(booking.pk)


@task(backend="long")
def send_reminder(booking_id):
    """Remind the teacher and the organisation of tomorrow's visit. Nothing when the booking is no longer confirmed
    (declined or cancelled meanwhile), its date has passed or the reminder went already: a task run twice sends once.
    Returns whether it sent."""
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("slot__opportunity__organisation")
            .filter(pk=booking_id)
            .first()
        )
        if booking is None or booking.status != BookingStatus.CONFIRMED or booking.reminder_sent_at is not None:
            return False
        if booking.slot.is_past:
            return False
        mail_teacher(booking, "reminder")
        mail_organisation(booking, "reminder_organisation")
        booking.reminder_sent_at = timezone.now()
        booking.save(update_fields=["reminder_sent_at"])
    return True


def mail_organisation(booking, kind):
    organisation = booking.slot.opportunity.organisation
    with translation.override(organisation.language):
        link = public_url(reverse("bookings:booking", args=[booking.pk]))
    _mail(kind, organisation.language, organisation.email, booking, link=link, organisation=organisation)


def mail_teacher(booking, kind):
    with translation.override(booking.language):
        page = index_page_for(booking.language)
        link = public_url(page.url + page.reverse_subpage("my_bookings")) if page else ""
    _mail(kind, booking.language, booking.contact_email, booking, link=link)


def _mail(kind, language, address, booking, **context):
    """Queue ``opportunities/mail/<kind>.txt`` (its first line the subject) in ``language``."""
    with translation.override(language):
        text = render_to_string(
            f"opportunities/mail/{kind}.txt",
            {"booking": booking, "slot": booking.slot, "opportunity": booking.slot.opportunity, **context},
        )
    subject, _newline, body = text.strip().partition("\n")
    queue_message(subject.strip(), body.strip() + "\n", [address])


def forget_contacts(today=None):
    """Erase what a booking holds of people once ``BOOKING_CONTACTS_KEPT_DAYS`` have passed since its date: the
    teacher's name, phone, e-mail and account link, the needs written for the students and the organisation's
    message. The school, grade, counts, categories and attendance stay: indicator 9 and the participation figures
    count them. Returns how many bookings were erased."""
    today = today or timezone.localdate()
    before = today - datetime.timedelta(days=settings.BOOKING_CONTACTS_KEPT_DAYS)
    return Booking.objects.filter(slot__date__lt=before, contacts_forgotten_at__isnull=True).update(
        teacher=None,
        contact_name="",
        contact_phone="",
        contact_email="",
        adaptations_note="",
        message="",
        contacts_forgotten_at=timezone.now(),
    )
