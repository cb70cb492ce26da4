"""A student opens an account with the consent of the current version, confirms the address, and in the cabinet sees
what is kept, withdraws and gives the consent again, downloads everything and deletes the account."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.account_requests import RequestStatus
from resumes import accounts, consent
from resumes.models import Consent, StudentAccount

from .conftest import CABINET, PASSWORD, REGISTER, years_ago

pytestmark = pytest.mark.django_db


def test_the_form_shows_the_whole_consent_in_russian(client, site_tree):
    html = client.get(REGISTER).content.decode()
    assert "<h1>Учётная запись в базе резюме студентов</h1>" in html
    assert "Хабаровский краевой институт развития образования" in html  # the operator
    for words in ("дата рождения", "проверенным работодателям", "на серверах в Российской Федерации", "через 30 дней"):
        assert words in html, words
    assert 'name="consent"' in html and 'aria-describedby="consent-text"' in html


def test_registration_records_the_consent_version_and_opens_the_account_by_the_link(client, registered):
    student, link = registered()
    assert student.status == RequestStatus.UNCONFIRMED and not student.account.is_active
    given = student.consents.get()
    assert (given.version, given.digest, given.withdrawn_at) == (consent.CURRENT, consent.digest(), None)
    assert len(given.digest) == 64
    assert "Подтвердите адрес" in mail.outbox[-1].subject and mail.outbox[-1].to == [student.email]

    page = client.get("/" + link.split("/", 3)[3])
    assert page.status_code == 200 and "Учётная запись открыта" in page.content.decode()
    student.refresh_from_db()
    assert student.status == RequestStatus.CONFIRMED and student.account.is_active
    client.post("/_util/login/", {"username": student.email, "password": PASSWORD})
    cabinet = client.get(CABINET).content.decode()
    assert "Иванов Пётр Сергеевич" in cabinet and f"версия {consent.CURRENT} текста" in cabinet


@pytest.mark.parametrize(
    ("changed", "field", "message"),
    [
        ({"birth_date": years_ago(16, days=-1)}, "birth_date", "База резюме — для тех, кому исполнилось 16 лет"),
        ({"birth_date": "31.02.2007"}, "birth_date", "Напишите дату"),
        ({"birth_date": "5 марта"}, "birth_date", "Напишите дату"),
        ({"birth_date": "2090-01-01"}, "birth_date", "Проверьте дату рождения"),
        ({"occupation": "pensioner"}, "occupation", "Выберите один из ответов"),
        ({"consent": ""}, "consent", "Без вашего согласия"),
        ({"password2": "Другой-пароль-2026"}, "password2", "Пароли не совпадают"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_kept(
    client, site_tree, student_data, changed, field, message
):
    response = client.post(REGISTER, student_data(**changed))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html, html[html.find('id="form-errors"') :][:2000]
    assert f'id="id_{field}"' in html and 'aria-invalid="true"' in html
    assert not StudentAccount.objects.exists() and not get_user_model().objects.exists()


def test_a_sixteen_year_old_may_register(client, registered):
    student, _link = registered(birth_date=years_ago(16))
    assert student.birth_date.isoformat() == years_ago(16)


def test_a_second_account_for_the_same_address_is_refused(client, registered, student_data):
    registered()
    response = client.post(REGISTER, student_data(email="IVANOV.petr@student.example.ru"))
    assert response.status_code == 400 and "Учётная запись с этим адресом уже есть" in response.content.decode()
    assert StudentAccount.objects.count() == 1


def test_the_cabinet_is_for_signed_in_students_only(client, site_tree):
    assert client.get(CABINET)["Location"].startswith("/_util/login/?next=/studentam/kabinet/")
    editor = get_user_model().objects.create_user("redaktor", "r@example.ru", "x")
    client.force_login(editor)
    response = client.get(CABINET)
    assert response.status_code == 403 and "Кабинет — для студентов" in response.content.decode()


def test_withdrawing_and_giving_the_consent_again(client, signed_in):
    assert client.post(CABINET, {"action": "withdraw"}).status_code == 302
    withdrawn = signed_in.consents.get()
    assert withdrawn.withdrawn_at is not None and accounts.needs_consent(signed_in)
    html = client.get(CABINET).content.decode()
    assert "Вы отозвали согласие" in html and 'name="consent"' in html

    response = client.post(CABINET, {"action": "consent"})  # the box not ticked
    assert response.status_code == 400 and "Отметьте поле, чтобы дать согласие." in response.content.decode()
    assert client.post(CABINET, {"action": "consent", "consent": "on"}).status_code == 302
    assert signed_in.consents.count() == 2 and not accounts.needs_consent(signed_in)
    assert "Прежние согласия" in client.get(CABINET).content.decode()


def test_a_new_version_of_the_text_asks_again(client, signed_in):
    assert consent.CURRENT == 4 and len({consent.digest(version) for version in consent.VERSIONS}) == 4
    signed_in.consents.update(version=1, digest=consent.digest(1))  # consented before the current text took effect
    assert accounts.needs_consent(signed_in)
    assert "Текст согласия изменился" in client.get(CABINET).content.decode()
    client.post(CABINET, {"action": "consent", "consent": "on"})
    assert [c.version for c in signed_in.consents.order_by("given_at")] == [1, consent.CURRENT]
    assert signed_in.consents.filter(withdrawn_at__isnull=True).get().version == consent.CURRENT  # the old one ended


def test_the_download_holds_everything_kept(client, signed_in):
    response = client.post(CABINET, {"action": "export"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="moi-dannye-')
    data = json.loads(response.content)
    assert data["account"]["full_name"] == "Иванов Пётр Сергеевич"
    assert data["account"]["email"] == signed_in.email and data["account"]["birth_date"] == "2007-03-05"
    assert data["consents"] == [
        {
            "version": consent.CURRENT,
            "text_sha256": consent.digest(),
            "given_at": signed_in.consents.get().given_at.isoformat(),
            "withdrawn_at": None,
        }
    ]


def test_deleting_the_account_takes_everything_with_it(client, signed_in):
    response = client.post(CABINET, {"action": "delete"})  # «I understand» not ticked
    assert response.status_code == 400 and "Отметьте поле" in response.content.decode()
    assert StudentAccount.objects.exists()

    response = client.post(CABINET, {"action": "delete", "understood": "on"})
    assert response.status_code == 200 and "Учётная запись удалена" in response.content.decode()
    assert not StudentAccount.objects.exists() and not Consent.objects.exists()
    assert not get_user_model().objects.filter(username=signed_in.email).exists()
    assert "_auth_user_id" not in client.session


def test_the_daily_command_deletes_lapsed_and_long_withdrawn_accounts(client, registered, confirmed, settings):
    lapsed, _link = registered(email="lapsed@student.example.ru")
    StudentAccount.objects.filter(pk=lapsed.pk).update(created_at=timezone.now() - datetime.timedelta(days=4))
    gone = confirmed(email="gone@student.example.ru")
    kept = confirmed(email="kept@student.example.ru")
    again = confirmed(email="again@student.example.ru")
    for student, days in ((gone, 31), (kept, 29), (again, 40)):
        accounts.withdraw(student)
        student.consents.update(withdrawn_at=timezone.now() - datetime.timedelta(days=days))
    accounts.give_consent(again)  # consented again: kept

    call_command("forget_student_accounts")
    left = set(StudentAccount.objects.values_list("email", flat=True))
    assert left == {"kept@student.example.ru", "again@student.example.ru"}
    assert not get_user_model().objects.filter(username__in=["lapsed@student.example.ru", "gone@student.example.ru"])
