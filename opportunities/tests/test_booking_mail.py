"""Letters about bookings, each in its recipient's language, and the reminder the background queue sends the day
before: scheduled on confirmation for 10:00 Khabarovsk time, sent once, and not at all for a booking declined or
cancelled meanwhile. One test sends through the real SMTP server (marked ``smtp``)."""

import datetime
import uuid
from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from conftest import received
from opportunities import bookings
from opportunities.models import Booking, BookingStatus, OpportunitySlot

from .conftest import booking_fields, days, make_opportunity

pytestmark = pytest.mark.django_db
REMINDERS = "opportunities.bookings.send_reminder"


@pytest.fixture
def booked(index_page, atlas_cards, make_organisation, make_teacher):
    """A booking in five days by a teacher who wrote in ``language``; the organisation corresponds in Russian."""

    def make(language="ru", email="anna@school.example.ru"):
        organisation = make_organisation("АО «Амурсталь»")
        opportunity = make_opportunity(
            organisation, title="Экскурсия в литейный цех", district=atlas_cards["amur"], slots=((5, 30),)
        )
        fields = booking_fields(opportunity.slots.get(), contact_email=email)
        with translation.override(language):
            return bookings.book(opportunity.slots.get().pk, make_teacher(email.split("@")[0]), **fields)

    return make


def test_the_organisation_is_told_of_a_new_booking_in_its_language(booked):
    booking = booked(language="en")
    (letter,) = [letter for letter in mail.outbox if letter.subject.startswith("Новая запись класса")]
    assert letter.to == [booking.slot.opportunity.organisation.email]
    assert letter.subject == "Новая запись класса: Экскурсия в литейный цех"
    body = letter.body
    for line in ("Школа: МБОУ СОШ № 5 г. Амурска", "Число учеников: 12", "Из них учеников с ОВЗ: 2", "Слабослышание"):
        assert line in body
    assert f"/admin/bookings/{booking.pk}/" in body


def test_the_teacher_is_answered_in_the_language_they_booked_in(booked):
    booking = booked(language="en")
    bookings.confirm(booking, "Meet us at the gate.")
    letter = mail.outbox[-1]
    assert letter.to == ["anna@school.example.ru"]
    assert letter.subject == "Your booking is confirmed: Экскурсия в литейный цех"
    assert "Meet us at the gate." in letter.body and "Number of students: 12" in letter.body


def test_the_reminder_is_scheduled_for_the_day_before_at_ten_in_khabarovsk(booked):
    booking = booked()
    assert not DBTaskResult.objects.filter(task_path=REMINDERS).exists()  # not for a request
    bookings.confirm(booking)
    (queued,) = DBTaskResult.objects.filter(task_path=REMINDERS)
    assert queued.backend_name == "long" and queued.args_kwargs["args"] == [booking.pk]
    day_before = days(4)
    expected = datetime.datetime(day_before.year, day_before.month, day_before.day, tzinfo=datetime.UTC)
    assert queued.run_after == expected  # 10:00 in UTC+10 is midnight UTC
    assert bookings.reminder_time(datetime.date(2026, 12, 10)).isoformat() == "2026-12-09T10:00:00+10:00"


def test_a_booking_for_tomorrow_confirmed_late_is_reminded_at_once_and_none_for_today(booked):
    booking = booked()
    OpportunitySlot.objects.filter(pk=booking.slot_id).update(date=days(1))
    bookings.confirm(Booking.objects.get(pk=booking.pk))
    (queued,) = DBTaskResult.objects.filter(task_path=REMINDERS)
    assert queued.run_after <= max(bookings.reminder_time(days(1)), timezone.now())  # not tomorrow
    other = booked(email="other@school.example.ru")
    OpportunitySlot.objects.filter(pk=other.slot_id).update(date=days(0))
    bookings.confirm(Booking.objects.get(pk=other.pk))
    assert DBTaskResult.objects.filter(task_path=REMINDERS).count() == 1


def test_the_reminder_goes_once_to_both(booked):
    booking = booked()
    bookings.confirm(booking)
    outbox = len(mail.outbox)
    assert bookings.send_reminder.call(booking.pk) is True
    letters = mail.outbox[outbox:]
    assert {letter.to[0] for letter in letters} == {
        "anna@school.example.ru",
        booking.slot.opportunity.organisation.email,
    }
    subjects = {letter.subject for letter in letters}
    assert subjects == {"Завтра: Экскурсия в литейный цех", "Завтра придёт класс: Экскурсия в литейный цех"}
    booking.refresh_from_db()
    assert booking.reminder_sent_at is not None
    # Run again (a worker retried it): nothing more.
    assert bookings.send_reminder.call(booking.pk) is False
    assert len(mail.outbox) == outbox + 2


@pytest.mark.parametrize("step", ["decline", "cancel"])
def test_the_reminder_sends_nothing_for_a_booking_declined_or_cancelled_meanwhile(booked, step):
    booking = booked()
    bookings.confirm(booking)
    if step == "decline":
        bookings.decline(booking, "Цех закрыт на ремонт.")
    else:
        assert bookings.cancel(booking, booking.teacher)
    outbox = len(mail.outbox)
    assert bookings.send_reminder.call(booking.pk) is False
    assert len(mail.outbox) == outbox
    assert Booking.objects.get(pk=booking.pk).reminder_sent_at is None


def test_the_reminder_of_a_deleted_teachers_booking_still_reaches_the_organisation_or_nothing_breaks(booked):
    booking = booked()
    bookings.confirm(booking)
    booking.teacher.delete()
    assert bookings.send_reminder.call(booking.pk) is True  # the contact written in the booking stays
    assert Booking.objects.get(pk=booking.pk).teacher is None
    assert bookings.send_reminder.call(0) is False  # a booking that is gone


@pytest.mark.smtp
def test_the_confirmation_reaches_the_teacher_through_smtp(booked, smtp_server):
    address = f"uchitel-{uuid.uuid4().hex[:8]}@school.example.ru"  # the Maildir outlives a run
    booking = booked(email=address)
    bookings.confirm(booking, "Встречаем у проходной.")
    (letter,) = received(smtp_server, address)
    assert str(make_header(decode_header(letter["Subject"]))) == "Запись подтверждена: Экскурсия в литейный цех"
    body = letter.get_payload(decode=True).decode(letter.get_content_charset())
    assert "Встречаем у проходной." in body and "Число учеников: 12" in body
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED
