"""A booking's contacts are kept for a while after the visit, then erased; the counts stay for the figures."""

from io import StringIO

import pytest
from django.core.management import call_command

from opportunities import bookings
from opportunities.models import Booking, OpportunitySlot

from .conftest import days
from .test_admin import sign_in
from .test_booking_admin import page_of, two  # noqa: F401 - the fixture


def test_contacts_are_erased_once_the_days_kept_after_the_visit_have_passed(client, two, settings):  # noqa: F811
    settings.BOOKING_CONTACTS_KEPT_DAYS = 90
    old, recent = two["a_booking"], two["b_booking"]
    sign_in(client, two["a"])
    client.post(page_of(old), {"action": "confirm"})
    OpportunitySlot.objects.filter(pk=old.slot_id).update(date=days(-91))
    OpportunitySlot.objects.filter(pk=recent.slot_id).update(date=days(-89))
    Booking.objects.filter(pk=old.pk).update(attended=11, adaptations_note="Нужен пандус", message="Ждём вас")

    output = StringIO()
    call_command("forget_booking_contacts", stdout=output)
    assert output.getvalue().strip() == "1 booking(s) erased"

    old.refresh_from_db()
    recent.refresh_from_db()
    erased = (old.teacher, old.contact_name, old.contact_phone, old.contact_email, old.adaptations_note, old.message)
    assert erased == (None, "", "", "", "", "") and old.contacts_forgotten_at is not None
    kept = (old.school, old.grade, old.students, old.students_with_disabilities, old.attended, old.status)
    assert kept == ("Школа № 1 г. Амурска", 9, 12, 2, 11, "confirmed")
    assert recent.contact_email and recent.teacher == two["teacher"] and recent.contacts_forgotten_at is None
    assert bookings.forget_contacts() == 0  # a second run finds nothing left to erase

    page = client.get(page_of(old)).content.decode()
    assert "удалены" in page and "mailto:" not in page  # the organisation is told why the contact is gone


@pytest.mark.parametrize("kept_days", [0, 30])
def test_nothing_ahead_or_on_the_day_is_erased(two, settings, kept_days):  # noqa: F811
    settings.BOOKING_CONTACTS_KEPT_DAYS = kept_days
    OpportunitySlot.objects.filter(pk=two["a_booking"].slot_id).update(date=days(-kept_days))
    assert bookings.forget_contacts() == 0
    assert Booking.objects.filter(contacts_forgotten_at__isnull=True).count() == 2
