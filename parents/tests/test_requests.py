"""A parent's question: the form's checks in Russian, what is stored and sent, and the directory's filter."""

import re

import pytest
from django.core import mail
from wagtail.models import Locale

from parents import consultations
from parents.models import ConsultationRequest
from portal import consent_texts

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Марина Викторовна",
    "email": "marina@example.ru",
    "phone": "",
    "grade": "8-9",
    "question": "Сын в 9 классе не может выбрать между колледжем и 10 классом. Можно ли прийти на консультацию вместе?",
    "consent": "on",
}


def form_url(page):
    return page.url + page.reverse_subpage("request")


def errors_of(response):
    """The texts of the form's error list (the callout at the top)."""
    callout = re.search(r'id="form-errors".*?</div>', response.content.decode(), re.S)
    return re.sub(r"<[^>]+>", " ", callout.group(0)) if callout else ""


def test_a_valid_question_is_stored_with_the_consent_digest_and_mailed_to_the_centre_only(
    client, centres, centres_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(centres_page), {**VALID, "centre": centres["amursk"].pk})
    assert response.status_code == 302
    assert f"?centre={centres['amursk'].pk}" in response["Location"]
    stored = ConsultationRequest.objects.get()
    assert (stored.centre, stored.name, stored.grade, stored.language) == (
        centres["amursk"],
        "Марина Викторовна",
        "8-9",
        "ru",
    )
    assert stored.consent_digest == consent_texts.digest(consultations.consent_text("ru"))
    to_centre, receipt = sorted(mail.outbox, key=lambda m: m.to != ["amursk@centre.example.ru"])
    assert to_centre.to == ["amursk@centre.example.ru"]
    assert "Сын в 9 классе" in to_centre.body and "8–9 класс" in to_centre.body
    assert f"/admin/parents/questions/inspect/{stored.pk}/" in to_centre.body
    # The receipt tells where it went and when it is deleted, and repeats nothing the parent wrote.
    assert receipt.to == ["marina@example.ru"]
    assert "Центр помощи: Амурский муниципальный район" in receipt.body
    assert "Сын в 9 классе" not in receipt.body
    sent = client.get(response["Location"])
    assert "Центр помощи: Амурский муниципальный район" in sent.content.decode()
    assert "Сын в 9 классе" not in sent.content.decode()


@pytest.mark.parametrize(
    ("changes", "messages"),
    [
        ({"email": "", "phone": ""}, ["Укажите e-mail или телефон"]),
        ({"email": "marina@", "phone": "12"}, ["не похоже на адрес электронной почты", "от 6 до 15 цифр"]),
        ({"grade": "13"}, ["Выберите класс из списка"]),
        ({"question": "я" * 3001}, ["не длиннее 3000 символов"]),
        ({"consent": ""}, ["Без вашего согласия"]),
        ({"name": "", "question": ""}, ["как к вам обращаться", "Напишите ваш вопрос"]),
    ],
)
def test_bad_input_is_refused_with_every_fault_named_in_russian_and_nothing_is_kept(
    client, centres, centres_page, changes, messages
):
    data = {**VALID, "centre": centres["amursk"].pk, **changes}
    response = client.post(form_url(centres_page), {k: v for k, v in data.items() if v != ""})
    assert response.status_code == 400
    text = errors_of(response)
    for message in messages:
        assert message in text
    assert not ConsultationRequest.objects.exists()
    assert not mail.outbox
    # What the parent wrote stays in the form.
    if changes.get("question") is None:
        assert "Сын в 9 классе" in response.content.decode()


def test_a_centre_without_staff_or_a_made_up_id_cannot_be_chosen(client, centres, centres_page):
    url = form_url(centres_page)
    for centre in (centres["krai"].pk, 99999, "x"):
        response = client.post(url, {**VALID, "centre": centre})
        assert response.status_code == 400
        assert "не принимает вопросы через портал" in errors_of(response)
    assert not ConsultationRequest.objects.exists()
    # The form offers only the centres whose staff read the questions.
    form = client.get(url).content.decode()
    assert "Центр помощи: Ванинский муниципальный район" in form
    assert "Краевой центр профориентации" not in form


def test_the_form_preselects_a_centre_and_ignores_garbage_in_the_address(client, centres, centres_page):
    url = form_url(centres_page)
    chosen = client.get(f"{url}?centre={centres['vanino'].pk}").content.decode()
    assert re.search(rf'<option value="{centres["vanino"].pk}" selected>', chosen)
    for garbage in ("abc", "-1", "9" * 30, "%00"):
        response = client.get(f"{url}?centre={garbage}")
        assert response.status_code == 200
        assert " selected>" not in re.sub(r'<option value="" selected>', "", response.content.decode())
    assert client.get(centres_page.url + "konsultatsiia/otpravleno/?centre=zz").status_code == 200


def test_too_many_questions_from_one_address_get_the_429_page(client, centres, centres_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "consultation-request": "2/h"}
    url = form_url(centres_page)
    statuses = [client.post(url, {**VALID, "centre": centres["amursk"].pk}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert ConsultationRequest.objects.count() == 2


def test_the_directory_groups_centres_by_district_and_filters_by_one(client, centres, centres_page):
    page = centres_page
    listing = client.get(page.url).content.decode()
    headings = re.findall(r"<h2[^>]*>(?:<span[^>]*>)?([^<]+)", listing)
    assert headings[:3] == ["Для всего края", "Амурский муниципальный район", "Ванинский муниципальный район"]
    assert 'href="tel:+74217000001"' in listing
    # Only centres that take questions offer the form.
    assert listing.count("Задать вопрос этому центру") == 2
    filtered = client.get(page.url + "?district=vanino").content.decode()
    assert "Ванинский муниципальный район" in filtered and "Центр помощи: Амурский" not in filtered
    assert "Краевой центр профориентации" in filtered  # the krai's centres serve every district
    wrong = client.get(page.url + "?district=%3Cscript%3E")
    assert wrong.status_code == 400
    assert "Такого района нет в справочнике" in wrong.content.decode()
    assert "Центр помощи: Амурский" in wrong.content.decode()


def test_the_english_directory_shows_english_hours_where_written_and_marks_russian_ones(client, centres, centres_page):
    english = centres_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert "Mon–Fri 10:00–17:00" in html
    assert '<dd lang="ru">пн–пт 9:00–18:00</dd>' in html
    assert "Ask this centre a question" in html
