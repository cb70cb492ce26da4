"""The teacher's letters go through a real SMTP server (.ci/smtp/start.sh: aiosmtpd writing a Maildir): the
confirmation letter arrives and its link works, and so does the letter of the approval. Skipped locally without the
server; in CI, a failure."""

import uuid
from email.header import decode_header, make_header

import pytest

from conftest import received
from portal.tests.helpers import path_of
from teachers import accounts
from teachers.models import Status, TeacherRequest

from .conftest import REGISTER

pytestmark = [pytest.mark.smtp, pytest.mark.django_db]


def subject_and_body(letter):
    body = letter.get_payload(decode=True).decode(letter.get_content_charset())
    return str(make_header(decode_header(letter["Subject"]))), body


def test_the_teachers_letters_arrive_through_smtp_and_the_link_confirms(client, request_data, smtp_server, editor):
    # The Maildir outlives a run: these letters are this test's. Not «uchitel-…»: with some hex digits Django's
    # password validator found the address too like the password («Uchitel-Amur-2026») and refused the form.
    address = f"smtp-{uuid.uuid4().hex[:8]}@example.ru"
    answer = client.post(REGISTER, request_data(email=address))
    assert answer.status_code == 302, answer.context["form"].errors if answer.context else answer
    letters = received(smtp_server, address)
    assert len(letters) == 1
    subject, body = subject_and_body(letters[0])
    assert subject == "Подтвердите адрес электронной почты: учётная запись педагога на портале"
    assert "Ссылка действительна 3 дня." in body
    link = next(word for word in body.split() if "/podtverzhdenie/" in word)
    assert client.get(path_of(link)).status_code == 200
    teacher = TeacherRequest.objects.get(email=address)
    assert teacher.status == Status.CONFIRMED

    accounts.approve(teacher, editor)
    letters = received(smtp_server, address)
    assert len(letters) == 2
    subjects = dict(map(subject_and_body, letters))
    assert "http://127.0.0.1:8000/_util/login/" in subjects["Ваша учётная запись педагога на портале открыта"]
