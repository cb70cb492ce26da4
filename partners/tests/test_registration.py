"""An organisation asks for an account: the form, the confirmation mail and its link, refusals, bad input."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing

from atlas.factories import EmployerFactory, OrganisationFactory
from partners import accounts
from partners.models import Organisation, Status
from portal.tests.helpers import link_in, path_of

from .conftest import REGISTER, VALID_INN_10, VALID_INN_12, signs_in

pytestmark = pytest.mark.django_db


def test_the_form_is_in_russian_and_tells_the_purpose_and_retention_of_the_data(client, site_tree):
    html = client.get(REGISTER).content.decode()
    assert "<h1>Учётная запись для работодателя или колледжа</h1>" in html
    assert 'for="id_inn"' in html and 'aria-describedby="inn-hint"' in html
    assert "управления публикациями и бронированиями организации на портале" in html  # the purpose
    assert "удаляются вместе с ней" in html  # the retention
    assert 'name="consent"' in html and 'aria-describedby="consent-text"' in html


def test_the_form_is_in_english_under_en(client, site_tree):
    html = client.get("/en" + REGISTER).content.decode()
    assert "<h1>An account for an employer or a college</h1>" in html
    assert 'action="/en/organizatsiiam/registratsiia/"' in html


def test_a_request_mails_a_link_that_confirms_the_address(client, registered):
    organisation, link = registered()
    assert organisation.status == Status.UNCONFIRMED and organisation.inn == VALID_INN_10
    assert organisation.consent_at is not None
    account = organisation.account
    assert (
        not account.is_active and account.username == organisation.email and account.check_password("Kolokol-Amur-2026")
    )
    message = mail.outbox[-1]
    assert message.to == ["kadry@amur-sudostroitel.example.ru"]
    assert message.subject == "Подтвердите адрес электронной почты: учётная запись ООО «Амурский судостроитель»"
    assert "Ссылка действительна 3 дня." in message.body
    assert link.startswith("http://127.0.0.1:8000/organizatsiiam/registratsiia/podtverzhdenie/")

    confirmed = client.get(path_of(link))
    assert confirmed.status_code == 200 and "Адрес подтверждён" in confirmed.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Status.CONFIRMED and organisation.confirmed_at is not None
    # Confirmed but not approved: the account stays closed.
    assert not signs_in(client, organisation.email, "Kolokol-Amur-2026")
    # The link opened again says so, and changes nothing.
    again = client.get(path_of(link))
    assert again.status_code == 200 and "Адрес подтверждён" in again.content.decode()


def test_an_english_request_gets_english_mail_and_link(client, site_tree, request_data):
    assert client.post("/en" + REGISTER, request_data()).status_code == 302
    message = mail.outbox[-1]
    assert message.subject.startswith("Confirm your e-mail address")
    assert "/en/organizatsiiam/registratsiia/podtverzhdenie/" in link_in(message)


def test_an_atlas_employer_or_college_is_chosen_from_the_list(client, site_tree, registered):
    employer, college = EmployerFactory(name="АО «Хабаровский завод»"), OrganisationFactory(name="Хабаровский колледж")
    html = client.get(REGISTER).content.decode()
    assert f'value="employer:{employer.pk}"' in html and f'value="college:{college.pk}"' in html
    organisation, _link = registered(organisation=f"employer:{employer.pk}", new_name="")
    assert organisation.employer == employer and organisation.name == "АО «Хабаровский завод»"
    other, _link = registered(
        organisation=f"college:{college.pk}", new_name="", inn=VALID_INN_12, email="priem@college.example.ru"
    )
    assert other.educational_organization == college and other.employer is None


@pytest.mark.parametrize(
    ("inn", "message"),
    [
        ("1234567895", "Контрольные цифры этого ИНН не сходятся"),
        ("123456789037", "Контрольные цифры этого ИНН не сходятся"),
        ("123456", "В ИНН 10 цифр (у организации) или 12 цифр (у индивидуального предпринимателя)."),
        ("12345abcde", "ИНН состоит только из цифр."),
    ],
)
def test_a_wrong_inn_is_reported_at_the_field(client, site_tree, request_data, inn, message):
    response = client.post(REGISTER, request_data(inn=inn))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    inn_input = re.search(r'<input[^>]*name="inn"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in inn_input and 'aria-describedby="id_inn-error inn-hint"' in inn_input
    assert '<p class="field__error" id="id_inn-error">' in html
    assert not Organisation.objects.exists() and not mail.outbox


@pytest.mark.parametrize("inn", [VALID_INN_10, VALID_INN_12])
def test_a_valid_inn_of_either_length_is_taken(registered, inn):
    organisation, _link = registered(inn=inn)
    assert organisation.inn == inn


def test_a_second_request_for_the_same_organisation_is_refused(client, registered, confirmed, request_data):
    employer = EmployerFactory()
    first = confirmed(organisation=f"employer:{employer.pk}", new_name="")
    refused_texts = "Для этой организации уже есть учётная запись"
    # The same ИНН, another address.
    same_inn = client.post(REGISTER, request_data(email="drugoi@example.ru"))
    assert same_inn.status_code == 400 and refused_texts in same_inn.content.decode()
    # The same atlas employer under another ИНН.
    same_employer = client.post(
        REGISTER,
        request_data(organisation=f"employer:{employer.pk}", new_name="", inn=VALID_INN_12, email="b@example.ru"),
    )
    assert same_employer.status_code == 400 and refused_texts in same_employer.content.decode()
    # An unconfirmed request with a valid link blocks too.
    pending, _link = registered(inn=VALID_INN_12, email="pending@example.ru")
    blocked = client.post(REGISTER, request_data(inn=VALID_INN_12, email="c@example.ru"))
    assert blocked.status_code == 400 and refused_texts in blocked.content.decode()
    assert Organisation.objects.count() == 2
    # A rejected request leaves the organisation free.
    accounts.reject(first, None)
    registered(organisation=f"employer:{employer.pk}", new_name="", email="d@example.ru")
    assert pending.pk


def test_a_lapsed_unconfirmed_request_is_forgotten_and_frees_the_organisation(client, registered, settings):
    organisation, _link = registered()
    settings.PARTNER_CONFIRMATION_DAYS = 0  # every unconfirmed request has lapsed
    again, _link = registered()
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not get_user_model().objects.filter(pk=organisation.account_id).exists()
    assert again.status == Status.UNCONFIRMED


def test_an_address_with_an_account_is_refused(client, site_tree, request_data):
    get_user_model().objects.create_user("someone", "kadry@amur-sudostroitel.example.ru", "x")
    response = client.post(REGISTER, request_data())
    assert response.status_code == 400 and "Учётная запись с этим адресом уже есть" in response.content.decode()


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"consent": ""}, "Без вашего согласия портал не может хранить заявку."),
        ({"email": "not an address"}, "Введите правильный адрес электронной почты."),
        ({"organisation": "", "new_name": ""}, "Выберите организацию в списке или напишите её название."),
        ({"organisation": "employer:999999", "new_name": ""}, "Выберите корректный вариант."),
        ({"organisation": "nonsense"}, "Выберите корректный вариант."),
        ({"password2": "something else"}, "Пароли не совпадают."),
        ({"password1": "12345678", "password2": "12345678"}, "Введённый пароль слишком широко распространён."),
        ({"phone": "call me"}, "Напишите номер телефона цифрами"),
        ({"contact_name": "x" * 5000}, "не более 255 символов"),
    ],
)
def test_bad_input_is_reported_never_a_server_error(client, site_tree, request_data, changed, message):
    response = client.post(REGISTER, request_data(**changed))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_garbage_posts_get_the_form_back(client, site_tree):
    for garbage in ({}, {"inn": ["1", "2"], "consent": ["on", "off"]}, {"organisation": "college:"}, {"x": "\x00"}):
        assert client.post(REGISTER, garbage).status_code == 400
    assert client.post(REGISTER, "%%%", content_type="application/x-www-form-urlencoded").status_code == 400
    assert client.put(REGISTER).status_code == 405


def test_requests_are_throttled_per_address(client, site_tree, request_data, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "partner-registration": "3/h"}
    answers = [client.post(REGISTER, request_data(inn="1")).status_code for _ in range(5)]
    assert answers == [400, 400, 400, 429, 429]
    refused = client.post(REGISTER, request_data())
    assert refused.status_code == 429 and "Слишком много запросов" in refused.content.decode()
    assert client.get(REGISTER).status_code == 200  # reading the form is not limited
    assert client.post(REGISTER, request_data(), REMOTE_ADDR="198.51.100.7").status_code == 302


def another_request(token):
    """The link of the next request's number, with this one's signature."""
    number, rest = token.split(":", 1)
    return f"{int(number) + 1}:{rest}"


class OldSigner(signing.TimestampSigner):
    """Signs as if it were four days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 60 * 60)


def test_an_expired_link_gets_a_clear_page(client, registered):
    organisation, _link = registered()
    token = OldSigner(salt=accounts.SALT).sign(str(organisation.pk))
    response = client.get(f"{REGISTER}podtverzhdenie/{token}/")
    assert response.status_code == 410 and "Срок действия ссылки истёк" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Status.UNCONFIRMED


@pytest.mark.parametrize("change", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), another_request, lambda t: "x"])
def test_a_tampered_link_gets_a_clear_page(client, registered, change):
    organisation, link = registered()
    token = path_of(link).rstrip("/").rsplit("/", 1)[1]
    response = client.get(f"{REGISTER}podtverzhdenie/{change(token)}/")
    assert response.status_code == 400 and "Ссылка не работает" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Status.UNCONFIRMED
