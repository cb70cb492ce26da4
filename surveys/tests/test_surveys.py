"""An anonymous survey: one answer per browser (a signed cookie) and a limit per address; an answer is stored with
nothing of the person; bad answers get messages in Russian; the results count every choice, as a chart and a table,
and publish no free text; the answers export from the admin as CSV and XLSX."""

import re

import pytest
from wagtail.contrib.forms.models import FormSubmission

from surveys.questions import COOKIE_SALT

from .conftest import answer

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_the_questions_use_clean_names_the_tests_rely_on(survey):
    assert [q.clean_name for q in survey.questions.all()] == [
        "kto_vy",
        "otkuda_uznaete_o_professiiakh",
        "naskolko_vy_znaete_rynok_truda",
        "chego_ne_khvataet",
    ]


def test_an_answer_is_stored_with_nothing_of_the_person_and_only_once(client, survey):
    page = text_of(client.get(survey.url))
    assert "Опрос анонимный" in page and "1 — совсем нет" in page
    response = client.post(survey.url, answer())
    assert response.status_code == 200 and "Спасибо: ваши ответы сохранены." in text_of(response)
    (submission,) = FormSubmission.objects.filter(page=survey)
    assert set(submission.form_data) == {
        "kto_vy",
        "otkuda_uznaete_o_professiiakh",
        "naskolko_vy_znaete_rynok_truda",
        "chego_ne_khvataet",
    }
    cookie = response.cookies[survey.cookie_name]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and int(cookie["max-age"]) > 300 * 24 * 3600
    again = client.post(survey.url, answer(kto_vy="Школьник"))
    assert again.status_code == 409 and "Вы уже ответили на этот опрос" in text_of(again)
    assert "Вы уже ответили на этот опрос" in text_of(client.get(survey.url))
    assert FormSubmission.objects.filter(page=survey).count() == 1


@pytest.mark.parametrize("cookie", ["1", "garbage", "1:forged-signature", ""])
def test_a_made_up_cookie_counts_for_nothing(client, survey, cookie):
    client.cookies[survey.cookie_name] = cookie
    assert client.post(survey.url, answer()).status_code == 200
    assert FormSubmission.objects.filter(page=survey).count() == 1


def test_a_cookie_signed_for_something_else_counts_for_nothing(client, survey):
    from django.core import signing

    client.cookies[survey.cookie_name] = signing.get_cookie_signer(salt=survey.cookie_name + "other").sign("1")
    assert client.post(survey.url, answer()).status_code == 200
    signed = signing.get_cookie_signer(salt=survey.cookie_name + COOKIE_SALT).sign("1")
    client.cookies[survey.cookie_name] = signed
    assert client.post(survey.url, answer()).status_code == 409


def test_bad_answers_are_refused_with_messages_and_nothing_is_stored(client, survey):
    response = client.post(
        survey.url,
        answer(
            kto_vy="Космонавт",
            otkuda_uznaete_o_professiiakh=[],
            naskolko_vy_znaete_rynok_truda="9",
            chego_ne_khvataet="я" * 2001,
        ),
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Ответ не отправлен. Исправьте отмеченное:" in page
    assert page.count("Выберите корректный вариант.") == 4  # two answers, each in the summary and beside its question
    assert "Требуется заполнить это поле." in page
    assert "не более 2000 символов" in page
    assert not FormSubmission.objects.exists() and survey.cookie_name not in response.cookies


def test_the_limit_per_address_stops_a_flood_of_answers(client, survey, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey-answer": "2/h"}
    for _ in range(2):
        client.cookies.clear()
        assert client.post(survey.url, answer()).status_code == 200
    client.cookies.clear()
    assert client.post(survey.url, answer()).status_code == 429
    assert FormSubmission.objects.count() == 2


def test_the_results_count_every_choice_and_publish_no_free_text(client, survey):
    for who, sources, scale in [
        ("Студент", ["Школа", "Интернет"], "4"),
        ("Студент", ["Интернет"], "5"),
        ("Школьник", ["Родители"], "4"),
    ]:
        client.cookies.clear()
        client.post(
            survey.url, answer(kto_vy=who, otkuda_uznaete_o_professiiakh=sources, naskolko_vy_znaete_rynok_truda=scale)
        )
    response = client.get(f"{survey.url}rezultaty/")
    assert "no-cache" in response["Cache-Control"]  # answers come in all the time
    html = response.content.decode()
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', html))
    assert rows["Школьник"] == "1" and rows["Студент"] == "2" and rows["Другое"] == "0"
    assert rows["Интернет"] == "2" and rows["Школа"] == "1" and rows["Родители"] == "1"
    assert rows["4"] == "2" and rows["5 — полностью"] == "1" and rows["1 — совсем нет"] == "0"
    assert "3 ответа" in text_of(response) and "Экскурсий на заводы." not in html
    assert html.count('role="img"') == 3  # a chart for each question with choices, none for the free text
    survey.results_public = False
    survey.save_revision().publish()
    assert client.get(f"{survey.url}rezultaty/").status_code == 404


def test_editors_export_the_answers_as_csv_and_xlsx(client, survey, admin_user):
    client.post(survey.url, answer())
    client.force_login(admin_user)
    csv = client.get(f"/admin/forms/submissions/{survey.pk}/", {"export": "csv"})
    assert csv.status_code == 200 and "Экскурсий на заводы." in b"".join(csv.streaming_content).decode("utf-8-sig")
    xlsx = client.get(f"/admin/forms/submissions/{survey.pk}/", {"export": "xlsx"})
    body = xlsx.content if hasattr(xlsx, "content") else b"".join(xlsx.streaming_content)
    assert xlsx.status_code == 200 and body.startswith(b"PK")


def test_the_monitoring_page_leads_to_the_surveys(client, site_tree, survey):
    from monitoring.models import MonitoringIndexPage

    home, _english = site_tree
    monitoring = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=monitoring)
    monitoring.save_revision().publish()
    html = client.get(monitoring.url).content.decode()
    assert f'href="{survey.url}"' in html and f'href="{survey.url}rezultaty/"' in html
