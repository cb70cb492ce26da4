"""A teacher asks for an account: the form, the confirmation letter and its link, refusals, bad input."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing

from portal.tests.helpers import link_in, path_of
from teachers import accounts
from teachers.models import Status, TeacherRequest

from .conftest import PASSWORD, REGISTER, signs_in

pytestmark = pytest.mark.django_db


def test_the_form_is_in_russian_and_says_what_is_kept_why_and_who_sees_it(client, site_tree, districts):
    html = client.get(REGISTER).content.decode()
    assert "<h1>Учётная запись педагога</h1>" in html
    assert f'<option value="{districts["bikin"].pk}">Бикинский муниципальный район</option>' in html
    assert "чтобы убедиться, что вы преподаёте в крае" in html  # why
    assert "фамилию, имя и отчество, адрес электронной почты, школу, её район" in html  # what
    assert "редакторы портала и координатор профориентации района вашей школы" in html  # who
    assert "отклонённая — через 30 дней" in html  # how long
    assert 'name="consent"' in html and 'aria-describedby="consent-text"' in html
    assert 'autocomplete="new-password"' in html


def test_the_sign_in_page_leads_teachers_and_organisations_to_their_requests(client, site_tree):
    page = client.get("/_util/login/").content.decode()
    assert f'<a href="{REGISTER}">Запросить учётную запись педагога</a>' in page
    assert '<a href="/organizatsiiam/registratsiia/">зарегистрировать организацию</a>' in page


def test_the_form_is_in_english_under_en(client, site_tree, districts):
    html = client.get("/en" + REGISTER).content.decode()
    assert "<h1>An account for a teacher</h1>" in html
    assert 'action="/en/pedagogam/registratsiia/"' in html
    assert "Consent to the processing of personal data" in html


def test_a_request_mails_a_link_that_confirms_the_address(client, requested, districts):
    teacher, link = requested()
    assert teacher.status == Status.UNCONFIRMED and teacher.district == districts["bikin"]
    assert teacher.school == "МБОУ СОШ № 1 г. Бикина" and teacher.position == "учитель технологии"
    assert teacher.consent_at is not None and teacher.language == "ru"
    account = teacher.account
    assert not account.is_active and account.username == teacher.email and account.check_password(PASSWORD)
    assert (account.first_name, account.last_name) == ("Петрова", "Анна Сергеевна")
    message = mail.outbox[-1]
    assert message.to == ["petrova@school1-bikin.example.ru"]
    assert message.subject == "Подтвердите адрес электронной почты: учётная запись педагога на портале"
    assert "Здравствуйте, Петрова Анна Сергеевна!" in message.body
    assert "Ссылка действительна 3 дня." in message.body
    assert link.startswith("http://127.0.0.1:8000/pedagogam/registratsiia/podtverzhdenie/")
    # Unconfirmed: the closed account cannot sign in.
    assert not signs_in(client, teacher.email, PASSWORD)

    confirmed = client.get(path_of(link))
    assert confirmed.status_code == 200 and "Адрес подтверждён" in confirmed.content.decode()
    teacher.refresh_from_db()
    assert teacher.status == Status.CONFIRMED and teacher.confirmed_at is not None
    assert not signs_in(client, teacher.email, PASSWORD)  # confirmed, not approved
    again = client.get(path_of(link))
    assert again.status_code == 200 and "Адрес подтверждён" in again.content.decode()


def test_an_english_request_gets_english_letter_and_link(client, site_tree, request_data):
    assert client.post("/en" + REGISTER, request_data()).status_code == 302
    message = mail.outbox[-1]
    assert message.subject == "Confirm your e-mail address: a teacher's account on the portal"
    assert "The link is valid for 3 days." in message.body
    assert "/en/pedagogam/registratsiia/podtverzhdenie/" in link_in(message)
    assert TeacherRequest.objects.get().language == "en"


def test_a_second_request_for_the_same_address_is_refused(client, requested, request_data):
    requested()
    for email in ("petrova@school1-bikin.example.ru", "Petrova@School1-Bikin.example.ru"):
        again = client.post(REGISTER, request_data(email=email, school="Другая школа"))
        html = again.content.decode()
        assert again.status_code == 400 and "Заявка или учётная запись с этим адресом уже есть" in html
    assert TeacherRequest.objects.count() == 1 and len(mail.outbox) == 1


def test_an_address_of_any_account_is_refused(client, site_tree, request_data):
    get_user_model().objects.create_user("someone", "petrova@school1-bikin.example.ru", "x")
    response = client.post(REGISTER, request_data())
    assert (
        response.status_code == 400 and "Заявка или учётная запись с этим адресом уже есть" in response.content.decode()
    )


def test_a_request_written_meanwhile_is_reported_not_a_server_error(client, site_tree, request_data, monkeypatch):
    """Two requests for one address at once: the form's check passes for both, the unique user name refuses one."""
    monkeypatch.setattr("teachers.forms.TeacherRequestForm.clean_email", lambda form: form.cleaned_data["email"])
    get_user_model().objects.create_user("petrova@school1-bikin.example.ru", "other@example.ru", "x")
    response = client.post(REGISTER, request_data())
    assert (
        response.status_code == 400 and "Заявка или учётная запись с этим адресом уже есть" in response.content.decode()
    )
    assert not TeacherRequest.objects.exists() and not mail.outbox


def test_a_lapsed_unconfirmed_request_frees_its_address(client, requested, settings):
    teacher, _link = requested()
    settings.TEACHER_CONFIRMATION_DAYS = 0  # every unconfirmed request has lapsed
    again, _link = requested()
    assert not TeacherRequest.objects.filter(pk=teacher.pk).exists()
    assert not get_user_model().objects.filter(pk=teacher.account_id).exists()
    assert again.status == Status.UNCONFIRMED


@pytest.mark.parametrize(
    ("changed", "field", "message"),
    [
        ({"consent": ""}, "consent", "Без вашего согласия портал не может хранить заявку."),
        ({"email": "not an address"}, "email", "Введите правильный адрес электронной почты."),
        ({"full_name": ""}, "full_name", "Требуется заполнить это поле."),
        ({"school": "   "}, "school", "Требуется заполнить это поле."),
        ({"district": ""}, "district", "Требуется заполнить это поле."),
        ({"district": "999999"}, "district", "Выберите корректный вариант."),
        ({"district": "abc"}, "district", "Выберите корректный вариант."),
        ({"password2": "something else"}, "password2", "Пароли не совпадают."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", "Введённый пароль слишком широко"),
        ({"full_name": "x" * 5000}, "full_name", "не более 255 символов"),
    ],
)
def test_bad_input_is_reported_at_its_field_never_a_server_error(
    client, site_tree, request_data, changed, field, message
):
    response = client.post(REGISTER, request_data(**changed))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert re.search(rf'<p class="field__error" id="id_{field}-error">[^<]*{re.escape(message)}', html)
    assert not TeacherRequest.objects.exists() and not mail.outbox


def test_garbage_posts_get_the_form_back(client, site_tree, districts):
    garbage = [
        {},
        {"district": ["1", "2"], "consent": ["on", "off"]},
        {"district": "１"},
        {"email": "\x00@example.ru", "full_name": "\x00"},
        {"district": "1" * 40},
    ]
    for data in garbage:
        assert client.post(REGISTER, data).status_code == 400
    assert client.post(REGISTER, "%%%", content_type="application/x-www-form-urlencoded").status_code == 400
    assert client.put(REGISTER).status_code == 405
    assert not TeacherRequest.objects.exists()


def test_requests_are_throttled_per_address(client, site_tree, request_data, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "teacher-registration": "3/h"}
    answers = [client.post(REGISTER, request_data(email="bad")).status_code for _ in range(5)]
    assert answers == [400, 400, 400, 429, 429]
    refused = client.post(REGISTER, request_data())
    assert refused.status_code == 429 and "Слишком много запросов" in refused.content.decode()
    assert client.get(REGISTER).status_code == 200  # reading the form is not limited
    assert client.post(REGISTER, request_data(), REMOTE_ADDR="198.51.100.7").status_code == 302


class OldSigner(signing.TimestampSigner):
    """Signs as if it were four days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 60 * 60)


@pytest.mark.parametrize(("prefix", "title"), [("", "Срок действия ссылки истёк"), ("/en", "The link has expired")])
def test_an_expired_link_gets_a_clear_page(client, requested, prefix, title):
    teacher, _link = requested()
    token = OldSigner(salt=accounts.LINK.salt).sign(str(teacher.pk))
    response = client.get(f"{prefix}{REGISTER}podtverzhdenie/{token}/")
    assert response.status_code == 410 and f"<h1>{title}</h1>" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.status == Status.UNCONFIRMED


def another_request(token):
    number, rest = token.split(":", 1)
    return f"{int(number) + 1}:{rest}"


def an_organisations_link(token):
    """A well-signed link of another kind (an organisation's, same id): the salts differ, so it confirms nothing."""
    number = token.split(":", 1)[0]
    return signing.TimestampSigner(salt="partners.confirm-email").sign(number)


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "change",
    [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), another_request, an_organisations_link, lambda t: "x"],
)
def test_a_tampered_link_gets_a_clear_page(client, requested, change, prefix):
    teacher, link = requested()
    token = path_of(link).rstrip("/").rsplit("/", 1)[1]
    response = client.get(f"{prefix}{REGISTER}podtverzhdenie/{change(token)}/")
    title = "The link does not work" if prefix else "Ссылка не работает"
    assert response.status_code == 400 and f"<h1>{title}</h1>" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.status == Status.UNCONFIRMED


def test_the_link_of_a_forgotten_request_gets_a_clear_page(client, requested):
    teacher, link = requested()
    teacher.account.delete()
    response = client.get(path_of(link))
    assert response.status_code == 400 and "Ссылка не работает" in response.content.decode()
