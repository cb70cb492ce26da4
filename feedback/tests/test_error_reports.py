"""The «Нашли ошибку?» endpoint: a token for the dialog, a report stored and mailed to the editors, bad and garbage
input refused with 400, a request without the CSRF token refused, a flood refused with 429; and the daily deletion of
what visitors sent (feedback form and reports) past FEEDBACK_KEPT_DAYS."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from feedback.models import ErrorReport

pytestmark = pytest.mark.django_db
URL = "/feedback/mistake/"
GOOD = {"selected": "Сварщик ручной дуговой свар", "page": "/atlas/svarshchik/", "comment": "Слово оборвано"}


@pytest.fixture
def guarded():
    """A client that checks CSRF tokens, as browsers meet them."""
    return Client(enforce_csrf_checks=True)


def token(client):
    response = client.get(URL)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    return response.json()["csrf"]


def test_a_report_is_stored_and_mailed_to_the_editors(guarded, editor, django_capture_on_commit_callbacks):
    csrf = token(guarded)
    with django_capture_on_commit_callbacks(execute=True):
        response = guarded.post(URL, GOOD, HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201
    report = ErrorReport.objects.get()
    assert (report.selected_text, report.page_address, report.comment, report.language) == (
        GOOD["selected"],
        "/atlas/svarshchik/",
        "Слово оборвано",
        "ru",
    )
    (letter,) = mail.outbox
    assert letter.to == ["editor@portal.example.ru"]
    assert GOOD["selected"] in letter.body and "/atlas/svarshchik/" in letter.body
    assert f"/admin/feedback/mistakes/inspect/{report.pk}/" in letter.body
    english = guarded.post("/en" + URL, {**GOOD, "page": "/en/contacts/?x=1"}, HTTP_X_CSRFTOKEN=csrf)
    assert english.status_code == 201
    assert ErrorReport.objects.get(language="en").page_address == "/en/contacts/?x=1"


def test_without_the_csrf_token_nothing_is_kept(guarded, editor):
    assert guarded.post(URL, GOOD).status_code == 403
    assert not ErrorReport.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {**GOOD, "selected": ""},
        {**GOOD, "selected": "я" * 1001},
        {**GOOD, "page": "https://evil.example/"},
        {**GOOD, "page": "javascript:alert(1)"},
        {**GOOD, "comment": "x" * 1001},
        {"selected": ["a", "b"], "page": "\x00\x01"},
    ],
)
def test_bad_input_is_refused_with_400_and_the_fields_named(client, editor, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not ErrorReport.objects.exists() and not mail.outbox


def test_garbage_bodies_are_refused_without_a_server_error(client):
    for content_type, body in (
        ("application/json", b'{"selected": "x", "page": "/"}'),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nContent-Disposition: form-data\r\n\r\n\xff\xfe--"),
        ("application/x-www-form-urlencoded", b"\xff\xfe%%%=&&=="),
        ("text/plain", b"\x00" * 100),
    ):
        response = client.generic("POST", URL, body, content_type=content_type)
        assert response.status_code == 400, content_type
    assert client.put(URL, b"").status_code == 405
    assert not ErrorReport.objects.exists()


def test_a_flood_is_refused_with_429(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "error-report": "3/h"}
    answers = [client.post(URL, GOOD).status_code for _ in range(5)]
    assert answers == [201, 201, 201, 429, 429]
    assert ErrorReport.objects.count() == 3
    assert client.get(URL).status_code == 200  # the token is not limited


def test_the_daily_command_deletes_what_is_past_its_keeping_time_only(feedback_pages, settings):
    settings.FEEDBACK_KEPT_DAYS = 90
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=91), now - datetime.timedelta(days=89)
    form = feedback_pages["form"]
    for moment in (old, recent):
        ErrorReport.objects.create(page_address="/", selected_text="x", language="ru", created_at=moment)
        submission = FormSubmission.objects.create(page=form, form_data={"a": "b"})
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=moment)
    # Another form page's submissions are not the feedback app's to delete.
    other = FormSubmission.objects.create(page=feedback_pages["contacts"], form_data={"a": "b"})
    FormSubmission.objects.filter(pk=other.pk).update(submit_time=old)
    assert "forget_feedback" in settings.DAILY_COMMANDS
    call_command("forget_feedback", stdout=(out := __import__("io").StringIO()))
    assert "1 feedback submission(s) and 1 mistake report(s) deleted" in out.getvalue()
    assert list(ErrorReport.objects.values_list("created_at", flat=True)) == [recent]
    assert set(FormSubmission.objects.values_list("pk", flat=True)) == {other.pk, submission.pk}
