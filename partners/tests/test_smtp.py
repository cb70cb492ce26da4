"""The confirmation letter goes through a real SMTP server (.ci/smtp/start.sh: aiosmtpd writing a Maildir) and its
link works. Skipped locally without the server; in CI, a failure."""

import mailbox
import uuid
from email.header import decode_header, make_header

import environ
import pytest

from conftest import require_service
from partners.models import Organisation, Status

from .conftest import REGISTER, path_of

pytestmark = [pytest.mark.smtp, pytest.mark.django_db]


@pytest.fixture
def smtp_server(settings):
    """The SMTP server of EMAIL_URL as the portal's mail backend; the Maildir it writes to."""
    url = require_service("The SMTP server", "EMAIL_URL", "bash .ci/smtp/start.sh 8026", scheme="smtp://")
    maildir = require_service("Its Maildir", "SMTP_MAILDIR", "printed by .ci/smtp/start.sh")
    for name, value in environ.Env.email_url_config(url).items():
        if value not in (None, ""):
            setattr(settings, name, value)
    return mailbox.Maildir(maildir, create=False)


def received(maildir, address):
    return [message for message in maildir if message["To"] == address]


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
