"""A teacher books places for a class on an opportunity's page: within the places left, never beyond them, never on a
past date, with counts that make sense; others are told how to book; the teacher's bookings page lists and cancels."""

import datetime

import pytest
from django.core import mail

from opportunities import bookings
from opportunities.models import Booking, BookingStatus, OpportunitySlot

from .conftest import booking_data, booking_fields, days, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(index_page, atlas_cards, make_organisation, make_teacher, client):
    """An approved organisation's excursion with one slot of 20 places in a week, its page, and a signed-in teacher."""
    organisation = make_organisation("АО «Амурсталь»")
    opportunity = make_opportunity(
        organisation, slots=((7, 20),), title="Экскурсия на сталелитейный завод", district=atlas_cards["amur"]
    )
    teacher = make_teacher()
    client.force_login(teacher)
    return {
        "opportunity": opportunity,
        "slot": opportunity.slots.get(),
        "teacher": teacher,
        "url": f"{index_page.url}{opportunity.pk}/",
        "mine": f"{index_page.url}moi-zapisi/",
        "organisation": organisation,
    }


def errors_in(response):
    """The error summary's lines of a page."""
    html = response.content.decode()
    assert 'id="form-errors"' in html
    return html


def test_a_teacher_books_places_within_those_left(client, setup):
    response = client.post(setup["url"], booking_data(setup["slot"]))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert response["Location"] == f"{setup['mine']}?booked={booking.pk}"
    assert booking.teacher == setup["teacher"] and booking.status == BookingStatus.REQUESTED
    assert (booking.students, booking.students_with_disabilities, booking.adaptations) == (12, 2, ["hearing"])
    assert booking.language == "ru"
    setup["slot"].refresh_from_db()
    assert setup["slot"].places_left == 8
    page = client.get(response["Location"]).content.decode()
    assert "Экскурсия на сталелитейный завод" in page and "ожидает ответа организации" in page
    # The opportunity's page shows the places the request holds.
    assert "— осталось 8 мест" in client.get(setup["url"]).content.decode()


def test_more_students_than_places_left_are_refused_with_a_clear_message(client, setup):
    assert client.post(setup["url"], booking_data(setup["slot"], students=15)).status_code == 302
    response = client.post(setup["url"], booking_data(setup["slot"], students=6, school="Гимназия № 1"))
    assert response.status_code == 400
    assert "На эту дату осталось только 5 мест: запишите меньше учеников или выберите другую дату." in errors_in(
        response
    )
    assert Booking.objects.count() == 1
    # Exactly the places left are fine; then the date is full and no longer offered.
    assert client.post(setup["url"], booking_data(setup["slot"], students=5)).status_code == 302
    setup["slot"].refresh_from_db()
    assert setup["slot"].places_left == 0
    page = client.get(setup["url"]).content.decode()
    assert "На ближайшие даты мест не осталось." in page


def test_the_service_refuses_a_full_slot_whatever_the_form_offered(setup):
    slot, teacher = setup["slot"], setup["teacher"]
    fields = booking_fields(slot, students=20)
    bookings.book(slot.pk, teacher, **fields)
    one = {**fields, "students": 1, "students_with_disabilities": 0}
    with pytest.raises(bookings.Refused) as refused:
        bookings.book(slot.pk, teacher, **one)
    assert refused.value.field == "slot"
    # A declined or cancelled booking gives its places back.
    Booking.objects.update(status=BookingStatus.DECLINED)
    assert bookings.book(slot.pk, teacher, **one).status == BookingStatus.REQUESTED


def test_a_past_slot_is_refused_with_a_message(client, setup):
    past = OpportunitySlot.objects.create(
        opportunity=setup["opportunity"], date=days(-1), start=datetime.time(10), end=datetime.time(11), places=30
    )
    response = client.post(setup["url"], booking_data(past))
    assert response.status_code == 400
    assert "Выберите одну из предложенных дат." in errors_in(response)
    fields = booking_fields(past)
    with pytest.raises(bookings.Refused, match="Эта дата уже прошла"):
        bookings.book(past.pk, setup["teacher"], **fields)
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"students": -3}, "В классе должен быть хотя бы один ученик."),
        ({"students": 0}, "В классе должен быть хотя бы один ученик."),
        ({"students_with_disabilities": -1}, "Число не может быть отрицательным: напишите 0, если таких нет."),
        (
            {"students": 5, "students_with_disabilities": 6},
            "Учеников с ОВЗ больше, чем учеников в классе: проверьте оба числа.",
        ),
        ({"grade": 3}, "Выберите один из предложенных классов."),  # the excursion is for grades 8–11
        ({"contact_phone": "звоните"}, "Напишите номер телефона цифрами"),
        ({"adaptations": ["telepathy"]}, "Выберите категории из списка."),
    ],
    ids=["negative", "zero", "negative-disabled", "disabled-above-students", "grade", "phone", "category"],
)
def test_counts_that_cannot_be_get_a_clear_message(client, setup, changed, message):
    response = client.post(setup["url"], booking_data(setup["slot"], **changed))
    assert response.status_code == 400
    html = errors_in(response)
    assert message in html
    assert 'aria-invalid="true"' in html and "-error" in html
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"slot": "'; DROP TABLE", "students": "много", "grade": "девятый", "students_with_disabilities": "1e9"},
        {"slot": "999999999999999999999", "students": "99999999999999999999", "adaptations": "x" * 5000},
    ],
    ids=["empty", "words", "huge"],
)
def test_garbage_is_a_form_error_never_a_500(client, setup, data):
    response = client.post(setup["url"], data)
    assert response.status_code == 400
    errors_in(response)
    assert not Booking.objects.exists()


def test_the_database_refuses_impossible_counts(setup):
    from django.db import IntegrityError, transaction

    fields = booking_fields(setup["slot"])
    for impossible in ({"students": 2, "students_with_disabilities": 3}, {"students": 2, "attended": 3}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Booking.objects.create(slot=setup["slot"], **{**fields, **impossible})
    assert not Booking.objects.exists()


def test_a_visitor_is_told_how_to_book_and_cannot(client, setup):
    client.logout()
    page = client.get(setup["url"]).content.decode()
    assert "Войдите, чтобы записать класс" in page and "/_util/login/?next=" in page
    assert '<a href="/pedagogam/registratsiia/">Запросить учётную запись педагога</a>' in page  # the way to an account
    assert 'name="students"' not in page
    response = client.post(setup["url"], booking_data(setup["slot"]))
    assert response.status_code == 403
    assert not Booking.objects.exists()
    assert client.get(setup["mine"]).status_code == 302  # to the sign-in


def test_a_signed_in_non_teacher_is_told_and_refused(client, setup, make_organisation):
    client.force_login(setup["organisation"].account)
    page = client.get(setup["url"]).content.decode()
    assert "Ваша учётная запись — не учётная запись педагога" in page
    assert '<a href="/pedagogam/registratsiia/">Запросить учётную запись педагога</a>' in page
    assert client.post(setup["url"], booking_data(setup["slot"])).status_code == 403
    assert not Booking.objects.exists()


def test_a_teacher_cancels_their_own_booking_only(client, setup, make_teacher):
    client.post(setup["url"], booking_data(setup["slot"]))
    booking = Booking.objects.get()
    other = make_teacher("drugoy")
    client.force_login(other)
    assert client.post(f"{setup['mine']}{booking.pk}/otmena/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    client.force_login(setup["teacher"])
    outbox = len(mail.outbox)
    response = client.post(f"{setup['mine']}{booking.pk}/otmena/")
    assert response.status_code == 302 and response["Location"].endswith("?cancelled=1")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert mail.outbox[outbox].to == [setup["organisation"].email]
    assert "Запись отменена" in mail.outbox[outbox].subject
    assert setup["slot"].places_left == 20
    assert "Отменить запись" not in client.get(f"{setup['mine']}?cancelled=1").content.decode()


def test_the_bookings_page_is_never_stored(client, setup):
    client.post(setup["url"], booking_data(setup["slot"]))
    response = client.get(setup["mine"])
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "МБОУ СОШ № 5 г. Амурска" in response.content.decode()


def test_no_student_name_is_asked_for(client, setup):
    import re

    page = client.get(setup["url"]).content.decode()
    assert "Имена учеников не нужны" in page
    form = page.split('id="booking-heading"')[1].split("</form>")[0]
    assert set(re.findall(r'name="([^"]+)"', form)) == {
        "csrfmiddlewaretoken",
        "slot",
        "school",
        "district",
        "grade",
        "students",
        "students_with_disabilities",
        "adaptations",
        "adaptations_note",
        "contact_name",
        "contact_phone",
        "contact_email",
    }


def test_the_form_starts_with_the_school_and_district_of_the_teachers_request(client, setup, atlas_cards):
    from django.utils import timezone

    from teachers.models import TeacherRequest

    vanino = atlas_cards["vanino"]
    TeacherRequest.objects.create(
        account=setup["teacher"],
        full_name="Сергеева Анна Петровна",
        school="МБОУ СОШ № 2 п. Ванино",
        district=vanino,
        email=setup["teacher"].email,
        language="ru",
        consent_at=timezone.now(),
        status="approved",
    )
    form = client.get(setup["url"]).content.decode().split('id="booking-heading"')[1].split("</form>")[0]
    assert 'value="МБОУ СОШ № 2 п. Ванино"' in form
    assert f'<option value="{vanino.pk}" selected>Ванинский район</option>' in form
    # The teacher may book for another school: what is posted is what is kept.
    response = client.post(setup["url"], booking_data(setup["slot"], district=atlas_cards["amur"].pk))
    assert response.status_code == 302
    assert Booking.objects.get().district == atlas_cards["amur"]


def test_a_district_not_in_the_list_is_refused_in_words(client, setup):
    response = client.post(setup["url"], booking_data(setup["slot"], district=987654))
    assert response.status_code == 400
    assert "Выберите район в списке." in errors_in(response)
    assert not Booking.objects.exists()
