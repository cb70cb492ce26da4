"""Booths in the admin: an editor invites an organisation by adding its booth (a letter goes); the organisation's
people see only their own booths, accept and fill them in, offer only their own vacancies, see who booked; editors
record the results after the fair, which organisations cannot."""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from fairs import visits
from fairs.models import Booth
from opportunities.tests.conftest import PASSWORD
from vacancies.tests.conftest import make_vacancy

from .conftest import make_booth

pytestmark = pytest.mark.django_db
LIST = "/admin/fairs/booths/"


def sign_in(client, organisation):
    client.logout()
    client.post("/admin/login/", {"username": organisation.account.username, "password": PASSWORD})
    assert "_auth_user_id" in client.session


def booth_form(on, **changed):
    return nested_form_data(
        {
            "status": "accepted",
            "text": "Ищем сварщиков и слесарей.",
            "contact_hours": "10:00–15:00",
            "video": streamfield([]),
            "slots": inline_formset([{"starts_at": f"{on.starts_on:%Y-%m-%d} 11:00", "minutes": 30, "capacity": 2}]),
            **changed,
        }
    )


@pytest.fixture
def two(make_fair, make_organisation):
    fair = make_fair(title="Осенняя ярмарка")
    a, b = make_organisation("ООО «Альфа»"), make_organisation("ООО «Бета»")
    return {
        "fair": fair,
        "a": a,
        "b": b,
        "a_booth": make_booth(fair, a, status="invited", slots=()),
        "b_booth": make_booth(fair, b),
    }


def test_an_editor_invites_an_organisation_and_it_gets_a_letter(client, editor, make_fair, make_organisation):
    fair = make_fair(title="Весенняя ярмарка")
    organisation = make_organisation("ООО «Гамма»")
    client.force_login(editor)
    data = booth_form(fair, fair=fair.pk, organisation=organisation.pk, status="invited", slots=inline_formset([]))
    response = client.post(f"{LIST}new/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    booth = Booth.objects.get(organisation=organisation)
    (letter,) = [m for m in mail.outbox if m.to == [organisation.email] and m.subject.startswith("Приглашение")]
    assert letter.subject == "Приглашение на ярмарку «Весенняя ярмарка»"
    assert f"/admin/fairs/booths/edit/{booth.pk}/" in letter.body and "выберите «участвует»" in letter.body


def test_an_organisation_sees_accepts_and_fills_in_only_its_own_booth(client, two):
    sign_in(client, two["a"])
    listing = client.get(LIST).content.decode()
    assert "Осенняя ярмарка" in listing and "ООО «Бета»" not in listing
    assert client.get(f"{LIST}edit/{two['b_booth'].pk}/").status_code == 404
    assert client.post(f"{LIST}edit/{two['b_booth'].pk}/", booth_form(two["fair"], text="Взлом")).status_code == 404
    refused = client.get(f"{LIST}new/")  # editors invite; organisations do not add booths
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.post(f"{LIST}delete/{two['a_booth'].pk}/")["Location"] == "/admin/"  # permission denied
    assert Booth.objects.filter(pk=two["a_booth"].pk).exists()
    page = client.get(f"{LIST}edit/{two['a_booth'].pk}/").content.decode()
    assert 'name="interviews"' not in page and 'name="organisation"' not in page  # the results are the editors'
    response = client.post(f"{LIST}edit/{two['a_booth'].pk}/", booth_form(two["fair"], interviews=99))
    assert response.status_code == 302
    booth = Booth.objects.get(pk=two["a_booth"].pk)
    assert (booth.status, booth.text, booth.interviews) == ("accepted", "Ищем сварщиков и слесарей.", None)
    assert booth.slots.get().capacity == 2 and booth.organisation == two["a"]


def test_the_booth_offers_only_its_organisations_vacancies_and_slots_within_the_fair(client, two):
    own, other = make_vacancy(two["a"], title="Сварщик (Альфа)"), make_vacancy(two["b"], title="Слесарь (Бета)")
    sign_in(client, two["a"])
    url = f"{LIST}edit/{two['a_booth'].pk}/"
    page = client.get(url).content.decode()
    assert "Сварщик (Альфа)" in page and "Слесарь (Бета)" not in page
    refused = client.post(url, {**booth_form(two["fair"]), "vacancies": [other.pk]})
    assert refused.status_code == 200 and "Выберите корректный вариант" in refused.content.decode()
    late = booth_form(
        two["fair"],
        slots=inline_formset([{"starts_at": "2030-01-01 11:00", "minutes": 30, "capacity": 2}]),
    )
    response = client.post(url, late)
    assert response.status_code == 200
    assert "Ярмарка проходит с" in response.content.decode()
    assert client.post(url, {**booth_form(two["fair"]), "vacancies": [own.pk]}).status_code == 302
    assert list(Booth.objects.get(pk=two["a_booth"].pk).vacancies.all()) == [own]


def test_the_organisation_sees_who_booked_and_what_they_need(client, two, make_student):
    student = make_student("Сидорова Мария Петровна")
    registration = visits.register(two["fair"], student, "Нужен сурдопереводчик.")
    visits.book(two["b_booth"].slots.get().pk, registration)
    sign_in(client, two["b"])
    page = client.get(f"{LIST}edit/{two['b_booth'].pk}/").content.decode()
    assert "Сидорова Мария Петровна" in page and student.email in page and "Нужен сурдопереводчик." in page
    sign_in(client, two["a"])
    assert "Сидорова" not in client.get(f"{LIST}edit/{two['a_booth'].pk}/").content.decode()


def test_editors_record_the_results_and_nonsense_is_refused(client, editor, two):
    client.force_login(editor)
    url = f"{LIST}edit/{two['b_booth'].pk}/"
    slot = two["b_booth"].slots.get()
    slots = inline_formset(
        [{"id": slot.pk, "starts_at": f"{slot.starts_at:%Y-%m-%d %H:%M}", "minutes": 30, "capacity": 1}]
    )
    refused = client.post(url, booth_form(two["fair"], slots=slots, interviews=3, offers=5, hires=1))
    assert refused.status_code == 200 and "Предложений больше, чем собеседований" in refused.content.decode()
    assert client.post(url, booth_form(two["fair"], slots=slots, interviews=12, offers=4, hires=2)).status_code == 302
    booth = Booth.objects.get(pk=two["b_booth"].pk)
    assert (booth.interviews, booth.offers, booth.hires) == (12, 4, 2)


def test_booths_are_in_the_organisation_menu(client, two):
    sign_in(client, two["a"])
    menu = client.get("/admin/").content.decode().encode().decode("unicode_escape")  # the sidebar's JSON
    assert "Стенды на ярмарках" in menu and "Страницы" not in menu
