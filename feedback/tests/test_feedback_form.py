"""The feedback form: a message is stored and mailed to the editors through the task queue; bad input is refused
field by field (never a 500); a bot filling the hidden field is thanked and ignored; a flood gets the 429 page."""

import re

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

pytestmark = pytest.mark.django_db
MESSAGE = "На странице сварщика устарел список колледжей."


def message_field(page):
    return page.form_fields.get().clean_name


def test_the_seeded_message_field_has_a_transliterated_name(feedback_pages):
    assert message_field(feedback_pages["form"]) == "vashe_soobshchenie"
    assert message_field(feedback_pages["form_en"]) == "your_message"


def test_a_message_is_stored_with_the_page_address_and_mailed_to_the_editors(
    client, feedback_pages, editor, django_capture_on_commit_callbacks
):
    page = feedback_pages["form"]
    form = client.get("/obratnaia-sviaz/?page=/atlas/svarshchik/").content.decode()
    assert 'value="/atlas/svarshchik/"' in form and "через 90 дней после отправки" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/obratnaia-sviaz/", {message_field(page): MESSAGE, "page_address": "/atlas/svarshchik/", "website": ""}
        )
    assert response.status_code == 200
    assert "Спасибо! Сообщение отправлено" in response.content.decode()
    submission = FormSubmission.objects.get(page=page)
    assert submission.form_data == {message_field(page): MESSAGE, "page_address": "/atlas/svarshchik/"}
    (letter,) = mail.outbox
    assert letter.to == ["editor@portal.example.ru"]
    assert letter.subject == page.subject
    assert MESSAGE in letter.body and "/atlas/svarshchik/" in letter.body
    assert f"/admin/forms/submissions/{page.pk}/" in letter.body


def test_the_form_page_address_on_the_page_wins_over_the_editors(
    client, feedback_pages, editor, django_capture_on_commit_callbacks
):
    page = feedback_pages["form"]
    page.to_address = "redakciya@portal.example.ru"
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/obratnaia-sviaz/", {message_field(page): MESSAGE})
    assert [letter.to for letter in mail.outbox] == [["redakciya@portal.example.ru"]]


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({}, "message", "Требуется заполнить это поле"),  # Wagtail's own message, in Russian
        ({"page_address": "https://evil.example/phish"}, "page_address", "Укажите адрес страницы этого портала"),
        ({"page_address": "javascript:alert(1)"}, "page_address", "Укажите адрес страницы этого портала"),
        ({"page_address": "/" + "a" * 600}, "page_address", "500"),
    ],
)
def test_bad_input_is_refused_field_by_field_and_nothing_is_kept(
    client, feedback_pages, editor, data, field, error, django_capture_on_commit_callbacks
):
    page = feedback_pages["form"]
    name = message_field(page) if field == "message" else field
    posted = {message_field(page): MESSAGE, **data} if field != "message" else data
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/obratnaia-sviaz/", posted)
    assert response.status_code == 400
    text = response.content.decode()
    assert 'id="form-errors"' in text and error in text
    assert f'id="id_{name}-error"' in text and 'aria-invalid="true"' in text
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_forged_prefill_is_left_out(client, feedback_pages):
    for forged in ("https://evil.example/", "//evil.example/", '/"><script>alert(1)</script>', "x" * 900):
        form = client.get("/obratnaia-sviaz/", {"page": forged})
        assert form.status_code == 200
        field = re.search(r'<input[^>]*id="id_page_address"[^>]*>', form.content.decode()).group(0)
        assert "value=" not in field


def test_a_bot_filling_the_hidden_field_is_thanked_and_ignored(
    client, feedback_pages, editor, django_capture_on_commit_callbacks
):
    page = feedback_pages["form"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/obratnaia-sviaz/", {message_field(page): "Buy now", "website": "http://spam.example"})
    assert response.status_code == 200 and "Спасибо" in response.content.decode()
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_flood_gets_the_429_page_and_sends_nothing_more(
    client, feedback_pages, editor, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback": "2/h"}
    page = feedback_pages["form"]
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post("/obratnaia-sviaz/", {message_field(page): MESSAGE}).status_code for _ in range(4)]
    assert answers == [200, 200, 429, 429]
    assert FormSubmission.objects.count() == 2 and len(mail.outbox) == 2
    assert client.get("/obratnaia-sviaz/").status_code == 200  # reading the form is not limited
