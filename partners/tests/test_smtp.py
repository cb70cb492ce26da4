"""The confirmation letter goes through a real SMTP server (.ci/smtp/start.sh: aiosmtpd writing a Maildir) and its
link works. Skipped locally without the server; in CI, a failure."""

import uuid
from email.header import decode_header, make_header

import pytest

from conftest import received
from partners.models import Organisation, Status
from portal.tests.helpers import path_of

from .conftest import REGISTER

pytestmark = [pytest.mark.smtp, pytest.mark.django_db]


def test_the_confirmation_letter_arrives_through_smtp_and_its_link_confirms(
    client, site_tree, request_data, smtp_server
):
    address = f"kadry-{uuid.uuid4().hex[:8]}@example.ru"  # the Maildir outlives a run; this test's letter is its own
    assert client.post(REGISTER, request_data(email=address)).status_code == 302
    letters = received(smtp_server, address)
    assert len(letters) == 1
    letter = letters[0]
    assert str(make_header(decode_header(letter["Subject"]))).startswith("Подтвердите адрес электронной почты")
    body = letter.get_payload(decode=True).decode(letter.get_content_charset())
    assert "Ссылка действительна 3 дня." in body
    link = next(word for word in body.split() if "/podtverzhdenie/" in word)
    assert client.get(path_of(link)).status_code == 200
    assert Organisation.objects.get(email=address).status == Status.CONFIRMED
