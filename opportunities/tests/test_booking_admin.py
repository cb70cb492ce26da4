"""The organisation's side of bookings in the narrowed admin: its own bookings only, confirm or decline them, record
how many came after the date; a slot with bookings is never deleted by editing the opportunity."""

import re

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from opportunities import bookings
from opportunities.models import Booking, BookingStatus, OpportunitySlot

from .conftest import booking_fields, days, make_opportunity
from .test_admin import sign_in

pytestmark = pytest.mark.django_db
LIST = "/admin/bookings/"


def book(slot, teacher, **changed):
    fields = booking_fields(slot, **changed)
    return bookings.book(slot.pk, teacher, **fields)


@pytest.fixture
def two(index_page, atlas_cards, make_organisation, make_teacher):
    """Two organisations, each with an excursion in a week and a class booked on it."""
    a, b = make_organisation("ООО «Альфа»"), make_organisation("ООО «Бета»")
    a_item = make_opportunity(a, title="Экскурсия Альфы", district=atlas_cards["amur"], slots=((7, 30),))
    b_item = make_opportunity(b, title="Экскурсия Беты", district=atlas_cards["vanino"], slots=((7, 30),))
    teacher = make_teacher()
    return {
        "a": a,
        "b": b,
        "a_item": a_item,
        "a_booking": book(a_item.slots.get(), teacher, school="Школа № 1 г. Амурска"),
        "b_booking": book(b_item.slots.get(), teacher, school="Школа № 2 г. Ванино"),
        "teacher": teacher,
    }


def page_of(booking):
    return f"{LIST}{booking.pk}/"


def test_an_organisation_sees_only_its_own_bookings_and_cannot_answer_anothers(client, two):
    sign_in(client, two["a"])
    listing = client.get(LIST).content.decode()
    assert "Школа № 1 г. Амурска" in listing and "Школа № 2 г. Ванино" not in listing
    other = two["b_booking"]
    assert client.get(page_of(other)).status_code == 404
    for action in ("confirm", "decline"):
        assert client.post(page_of(other), {"action": action, "message": "Взлом"}).status_code == 404
    other.slot.date = days(-1)
    OpportunitySlot.objects.filter(pk=other.slot_id).update(date=days(-1))
    assert client.post(page_of(other), {"action": "attendance", "attended": 1}).status_code == 404
    other.refresh_from_db()
    assert other.status == BookingStatus.REQUESTED and other.attended is None and other.message == ""
    # The other organisation sees none of the first one's.
    sign_in(client, two["b"])
    assert "Школа № 1 г. Амурска" not in client.get(LIST).content.decode()


def test_bookings_are_in_the_organisation_menu_without_adding_or_deleting(client, two):
    sign_in(client, two["a"])
    html = client.get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    assert "bookings" in set(re.findall(r'"name": "([^"]+)"', props.group(1)))
    assert client.get(f"{LIST}new/").status_code == 404
    assert client.post(f"{LIST}delete/{two['a_booking'].pk}/").status_code == 404
    assert Booking.objects.count() == 2


def test_the_organisation_confirms_with_a_message_and_the_teacher_is_told(client, two):
    sign_in(client, two["a"])
    booking = two["a_booking"]
    page = client.get(page_of(booking)).content.decode()
    assert "Школа № 1 г. Амурска" in page and "+7 914 000-00-00" in page and "Слабослышание" in page
    outbox = len(mail.outbox)
    response = client.post(page_of(booking), {"action": "confirm", "message": "Встречаем у проходной в 9:45."})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.decided_at is not None
    (letter,) = mail.outbox[outbox:]
    assert letter.to == ["anna@school.example.ru"]
    assert letter.subject == "Запись подтверждена: Экскурсия Альфы"
    assert "Встречаем у проходной в 9:45." in letter.body and "/profproby/moi-zapisi/" in letter.body
    # Answered: it cannot be confirmed twice.
    assert client.post(page_of(booking), {"action": "confirm"}).status_code == 400
    assert len(mail.outbox) == outbox + 1


def test_the_organisation_declines_and_the_places_are_free_again(client, two):
    sign_in(client, two["a"])
    booking = two["a_booking"]
    assert booking.slot.places_left == 18
    assert client.post(page_of(booking), {"action": "decline", "message": "В этот день цех закрыт."}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED
    assert mail.outbox[-1].subject == "В записи отказано: Экскурсия Альфы"
    assert "В этот день цех закрыт." in mail.outbox[-1].body
    assert OpportunitySlot.objects.get(pk=booking.slot_id).places_left == 30


def test_attendance_is_recorded_after_the_date_and_not_above_the_booking(client, two):
    sign_in(client, two["a"])
    booking = two["a_booking"]
    client.post(page_of(booking), {"action": "confirm"})
    # Before the date there is no attendance form, and a posted one is refused.
    assert 'name="attended"' not in client.get(page_of(booking)).content.decode()
    response = client.post(page_of(booking), {"action": "attendance", "attended": 10})
    assert response.status_code == 400
    assert "Посещаемость отмечают для подтверждённой записи" in response.content.decode()
    OpportunitySlot.objects.filter(pk=booking.slot_id).update(date=days(-2))
    assert 'name="attended"' in client.get(page_of(booking)).content.decode()
    for wrong, message in ((13, "Прийти могли не больше 12 записанных учеников."), (-1, "не может быть отрицательным")):
        response = client.post(page_of(booking), {"action": "attendance", "attended": wrong})
        assert response.status_code == 400 and message in response.content.decode()
    booking.refresh_from_db()
    assert booking.attended is None
    assert client.post(page_of(booking), {"action": "attendance", "attended": 11}).status_code == 302
    booking.refresh_from_db()
    assert booking.attended == 11 and booking.attendance_recorded_at is not None
    with pytest.raises(bookings.Refused):
        bookings.record_attendance(booking, 12 + 1)


def test_attendance_of_a_declined_booking_is_refused(two):
    booking = two["a_booking"]
    bookings.decline(booking)
    OpportunitySlot.objects.filter(pk=booking.slot_id).update(date=days(-2))
    with pytest.raises(bookings.Refused):
        bookings.record_attendance(Booking.objects.get(pk=booking.pk), 5)


def edit_form(opportunity, slots):
    data = nested_form_data(
        {
            "kind": opportunity.kind,
            "title": opportunity.title,
            "description": rich_text(opportunity.description),
            "district": opportunity.district_id,
            "address": opportunity.address,
            "online_link": "",
            "grade_from": opportunity.grade_from,
            "grade_to": opportunity.grade_to,
            "what_to_bring": "",
            "medical_requirements": "",
            "published": "on",
            "slots": inline_formset(slots, initial=len(slots)),
            "accessibility": inline_formset([]),
            "photos": inline_formset([]),
        }
    )
    return data


def slot_row(slot, **changed):
    return {
        "id": slot.pk,
        "date": slot.date.isoformat(),
        "start": "10:00",
        "end": "12:00",
        "places": slot.places,
        "ORDER": 1,
        **changed,
    }


def test_a_booked_slot_cannot_be_deleted_by_editing_the_opportunity(client, two):
    sign_in(client, two["a"])
    opportunity, slot = two["a_item"], two["a_booking"].slot
    data = edit_form(
        opportunity,
        [
            slot_row(slot, DELETE="1"),
            {"id": "", "date": days(20).isoformat(), "start": "10:00", "end": "12:00", "places": 10, "ORDER": 2},
        ],
    )
    response = client.post(f"/admin/opportunities/edit/{opportunity.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "уже записаны классы: он остаётся вместе с записями" in html
    assert OpportunitySlot.objects.filter(pk=slot.pk).exists()
    assert opportunity.slots.count() == 1
    # Nor may its places fall below those the bookings hold (12).
    response = client.post(
        f"/admin/opportunities/edit/{opportunity.pk}/", edit_form(opportunity, [slot_row(slot, places=5)])
    )
    assert "На этот сеанс классы уже записали 12 учеников: мест не может быть меньше." in response.content.decode()
    assert OpportunitySlot.objects.get(pk=slot.pk).places == 30
    # Lowering them to the places booked is how an organisation closes a slot.
    response = client.post(
        f"/admin/opportunities/edit/{opportunity.pk}/", edit_form(opportunity, [slot_row(slot, places=12)])
    )
    assert response.status_code == 302
    assert OpportunitySlot.objects.get(pk=slot.pk).places_left == 0


def test_a_slot_without_bookings_is_still_deleted(client, two):
    sign_in(client, two["a"])
    opportunity = two["a_item"]
    spare = OpportunitySlot.objects.create(opportunity=opportunity, date=days(9), start="10:00", end="12:00", places=5)
    booked = two["a_booking"].slot
    data = edit_form(opportunity, [slot_row(booked), slot_row(spare, DELETE="1")])
    assert client.post(f"/admin/opportunities/edit/{opportunity.pk}/", data).status_code == 302
    assert list(opportunity.slots.values_list("pk", flat=True)) == [booked.pk]
