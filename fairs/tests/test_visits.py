"""A student registers for a fair on its page and books interviews: within the slots' capacity, never two at once,
never one that has begun; cancels; is refused with a clear message in Russian for bad input. Others are told how."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from fairs import visits
from fairs.models import Registration, SlotBooking
from portal.tests.helpers import assert_few_constant_queries, not_cached, queries_for, served_twice

from .conftest import at, make_booth

pytestmark = pytest.mark.django_db
REMINDERS = "fairs.visits.send_reminder"


@pytest.fixture
def fair(make_fair, make_organisation):
    """A coming fair for graduates with disabilities with two booths (the shipyard: slots at 10:00 for one visitor
    and 10:30 for two; the port: 10:15 for one), an invited booth and a booth of an organisation not approved."""
    fair = make_fair(
        title="Ярмарка для выпускников с ОВЗ",
        for_disabilities=True,
        sign_language=True,
        venue_accessibility="Пандус у входа, лифт.",
        adaptations="Тихая комната, субтитры.",
    )
    shipyard = make_booth(
        fair, make_organisation("ООО «Верфь»"), slots=((10, 0, 1), (10, 30, 2)), text="Ищем сварщиков."
    )
    port = make_booth(fair, make_organisation("АО «Порт»"), slots=((10, 15, 1),), contact_hours="10:00–16:00")
    make_booth(fair, make_organisation("ИП Приглашённый"), status="invited")
    make_booth(fair, make_organisation("ИП Ожидающий", approved=False))
    return {"page": fair, "url": fair.url, "shipyard": shipyard, "port": port}


def slot(booth, hour, minute=0):
    return booth.slots.get(starts_at=at(booth.fair.starts_on, hour, minute))


def text_of(response):
    """The page's text without its tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_everyone_reads_the_fair_its_accessibility_and_the_booths_taking_part(client, fair, page_cache):
    response = served_twice(client, fair["url"])  # the same for every anonymous visitor: cached
    html = text_of(response)
    for text in (
        "Ярмарка для выпускников с ОВЗ",
        "для выпускников с инвалидностью",
        "Пандус у входа, лифт.",
        "да, всю ярмарку",
        "Тихая комната, субтитры.",
        "ООО «Верфь»",
        "Ищем сварщиков.",
        "АО «Порт»",
        "Часы для связи: 10:00–16:00",
    ):
        assert text in html, text
    assert "ИП Приглашённый" not in html and "ИП Ожидающий" not in html  # not accepted, not approved
    assert "Войдите, чтобы зарегистрироваться" in html
    assert client.post(fair["url"], {"action": "register"}).status_code == 403


def test_a_student_registers_books_and_cancels(client, fair, make_student, page_cache):
    student = make_student()
    client.force_login(student.account)
    response = client.post(fair["url"], {"action": "register", "needs": "Сурдопереводчик на собеседовании."})
    assert response.status_code == 302 and response["Location"] == fair["url"] + "#my-fair"
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"  # no error report lists the needs
    registration = Registration.objects.get()
    assert (registration.student, registration.needs) == (student, "Сурдопереводчик на собеседовании.")
    ten = slot(fair["shipyard"], 10)
    assert client.post(fair["url"], {"action": "book", "number": ten.pk}).status_code == 302
    booking = SlotBooking.objects.get()
    assert booking.slot == ten and booking.registration == registration
    (letter,) = [m for m in mail.outbox if m.to == [student.email]]
    assert letter.subject == "Собеседование назначено: Ярмарка для выпускников с ОВЗ"
    assert "ООО «Верфь»" in letter.body and "Хабаровск, ул. Ленина, 1" in letter.body
    page = client.get(fair["url"]).content.decode()
    assert "Собеседование с ООО «Верфь» назначено" in page and "записаны вы" in page
    not_cached(client, fair["url"])  # a student's own page
    # Cancelling frees the place for someone else.
    assert client.post(fair["url"], {"action": "cancel", "number": booking.pk}).status_code == 302
    booking.refresh_from_db()
    assert booking.cancelled_at is not None and ten.held() == 0


def test_a_full_slot_and_a_second_interview_at_once_are_refused_with_a_message(client, fair, make_student):
    first, second = make_student("Первая Анна"), make_student("Второй Иван")
    ten = slot(fair["shipyard"], 10)
    for student in (first, second):
        visits.register(fair["page"], student)
    visits.book(ten.pk, first.fair_registrations.get())
    client.force_login(second.account)
    response = client.post(fair["url"], {"action": "book", "number": ten.pk})
    assert response.status_code == 409
    assert "На это время все места заняты: выберите другое." in response.content.decode()
    # The same employer twice, or two employers at overlapping times, are refused too.
    visits.book(slot(fair["shipyard"], 10, 30).pk, second.fair_registrations.get())
    with pytest.raises(visits.Refused, match="У вас уже есть собеседование с этим работодателем"):
        visits.book(ten.pk, second.fair_registrations.get())
    with pytest.raises(visits.Refused, match="В это время у вас собеседование с ООО «Верфь»"):
        visits.book(slot(fair["port"], 10, 15).pk, first.fair_registrations.get())
    assert SlotBooking.objects.count() == 2


def test_a_slot_that_has_begun_or_of_another_fair_or_an_invited_booth_is_not_booked(fair, make_fair, make_student):
    student = make_student()
    registration = visits.register(fair["page"], student)
    other = make_booth(make_fair(12), fair["port"].organisation)
    with pytest.raises(visits.Refused, match="не предлагается на этой ярмарке"):
        visits.book(other.slots.get().pk, registration)
    invited = fair["page"].booths.get(status="invited")
    with pytest.raises(visits.Refused, match="не предлагается на этой ярмарке"):
        visits.book(invited.slots.get().pk, registration)
    begun = slot(fair["port"], 10, 15)
    type(begun).objects.filter(pk=begun.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(visits.Refused, match="уже началось или прошло"):
        visits.book(begun.pk, registration)
    assert not SlotBooking.objects.exists()


@pytest.mark.parametrize("number", ["", "abc", "-3", "1e9", "０"])
def test_garbage_numbers_get_a_message_not_an_error(client, fair, make_student, number):
    student = make_student()
    visits.register(fair["page"], student)
    client.force_login(student.account)
    response = client.post(fair["url"], {"action": "book", "number": number})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Выберите время" in html
    assert client.post(fair["url"], {"action": "unknown"}).status_code == 400
    cancel = client.post(fair["url"], {"action": "cancel", "number": "999999"})
    assert cancel.status_code == 409 and "Это собеседование нельзя отменить" in cancel.content.decode()


def test_registration_needs_the_consent_in_force_and_a_fair_not_over(client, fair, make_fair, make_student):
    student = make_student()
    student.consents.update(version=1)  # a consent to an older text
    client.force_login(student.account)
    page = client.get(fair["url"]).content.decode()
    assert "Сначала дайте в личном кабинете согласие" in page
    response = client.post(fair["url"], {"action": "register"})
    assert response.status_code == 400 and not Registration.objects.exists()
    past = make_fair(-3)
    with pytest.raises(visits.Refused, match="Эта ярмарка закончилась"):
        visits.register(past, make_student())
    long_needs = client.post(fair["url"], {"action": "register", "needs": "я" * 1001})
    assert long_needs.status_code == 400 and not Registration.objects.exists()


def test_an_account_that_is_not_a_students_is_told_so(client, fair, make_organisation):
    organisation = make_organisation("ООО «Работодатель»")
    client.force_login(organisation.account)
    html = client.get(fair["url"]).content.decode()
    assert "Ваша учётная запись — не студенческая" in html


def test_the_english_page_shows_the_same_booths_and_takes_bookings_on_the_original(client, fair, make_student):
    from wagtail.models import Locale

    english = fair["page"].get_parent().get_parent().get_translation(Locale.objects.get(language_code="en"))
    index = fair["page"].get_parent().copy_for_translation(Locale.objects.get(language_code="en"))
    index.save_revision().publish()
    page = fair["page"].copy_for_translation(Locale.objects.get(language_code="en"))
    page.title = "Fair for graduates with disabilities"
    page.save_revision().publish()
    assert page.get_parent().get_parent().pk == english.pk
    student = make_student()
    student.language = "en"
    client.force_login(student.account)
    html = client.get(page.url).content.decode()
    assert "Sign-language interpreter" in html and "ООО «Верфь»" in html and 'lang="ru"' in html
    assert client.post(page.url, {"action": "register"}).status_code == 302
    assert Registration.objects.get().fair_id == fair["page"].pk and Registration.objects.get().language == "en"
    client.post(page.url, {"action": "book", "number": slot(fair["port"], 10, 15).pk})
    assert mail.outbox[-1].subject == "Interview booked: " + fair["page"].title


def test_the_reminder_goes_the_day_before_once_and_not_after_a_cancellation(fair, make_student):
    registration = visits.register(fair["page"], make_student())
    booking = visits.book(slot(fair["shipyard"], 10).pk, registration)
    (queued,) = DBTaskResult.objects.filter(task_path=REMINDERS)
    day_before = fair["page"].starts_on - datetime.timedelta(days=1)
    assert queued.run_after == datetime.datetime(day_before.year, day_before.month, day_before.day, tzinfo=datetime.UTC)
    outbox = len(mail.outbox)
    assert visits.send_reminder.call(booking.pk) is True
    assert mail.outbox[-1].subject == "Завтра: собеседование с ООО «Верфь»"
    assert visits.send_reminder.call(booking.pk) is False and len(mail.outbox) == outbox + 1
    other = visits.book(slot(fair["port"], 10, 15).pk, visits.register(fair["page"], make_student("Другой Иван")))
    outbox = len(mail.outbox)
    assert visits.cancel(other)
    assert visits.send_reminder.call(other.pk) is False and len(mail.outbox) == outbox


def test_the_fair_page_asks_the_same_few_queries_for_two_booths_or_eight(client, fair, make_organisation, make_student):
    def grow():
        for n in range(6):
            make_booth(fair["page"], make_organisation(f"ООО «Стенд {n}»"), slots=((11, 0, 3), (11, 30, 3)))

    assert_few_constant_queries(client, [fair["url"], fair["page"].get_parent().url], grow)
    student = make_student()
    visits.register(fair["page"], student)
    visits.book(slot(fair["shipyard"], 10).pk, student.fair_registrations.get())
    client.force_login(student.account)
    before = queries_for(client, fair["url"])  # the student's own page: their registration and interviews too
    visits.book(slot(fair["shipyard"], 10, 30).pk, visits.register(fair["page"], make_student("Другой Иван")))
    make_booth(fair["page"], make_organisation("ООО «Ещё»"), slots=((12, 0, 3),))
    assert queries_for(client, fair["url"]) == before


@pytest.mark.smtp
def test_the_booking_letter_and_the_reminder_reach_the_visitor_through_smtp(fair, make_student, smtp_server):
    import uuid
    from email.header import decode_header, make_header

    from conftest import received

    student = make_student()
    student.email = f"posetitel-{uuid.uuid4().hex[:8]}@student.example.ru"  # the Maildir outlives a run
    student.save(update_fields=["email"])
    booking = visits.book(slot(fair["shipyard"], 10).pk, visits.register(fair["page"], student))
    assert visits.send_reminder.call(booking.pk) is True
    subjects = sorted(str(make_header(decode_header(m["Subject"]))) for m in received(smtp_server, student.email))
    assert subjects == ["Завтра: собеседование с ООО «Верфь»", "Собеседование назначено: Ярмарка для выпускников с ОВЗ"]
