"""A student writes a résumé with the guided form: the atlas's cards, districts, colleges and specialties, rows of
education and experience, skills suggested by the chosen cards; bad input is refused beside its field and nothing is
saved; the résumé downloads as a tagged PDF, and the export of everything carries it."""

import io
import json

import pytest
from django.utils import timezone
from pypdf import PdfReader

from resumes import accounts
from resumes.models import Resume

from .conftest import CABINET, RESUME

pytestmark = pytest.mark.django_db


def test_the_guided_form_saves_the_resume_and_suggests_skills_from_the_cards(
    client, signed_in, resume_data, atlas_rows
):
    form = client.get(RESUME).content.decode()
    assert "<h1>Моё резюме</h1>" in form and "Ещё не работали? Это нормально." in form
    assert "Сварщик" in form and "Хабаровский технический колледж" in form and "22.02.06 Сварочное производство" in form

    response = client.post(RESUME, resume_data(professions=[atlas_rows["welder"].pk, atlas_rows["cook"].pk]))
    assert response.status_code == 302 and response["Location"] == RESUME
    resume = Resume.objects.get(student=signed_in)
    assert set(resume.professions.all()) == {atlas_rows["welder"], atlas_rows["cook"]}
    assert (resume.district, resume.ready_to_move, resume.driving_licences) == (atlas_rows["khabarovsk"], True, ["B"])
    assert [(row.organisation, row.specialty, row.graduation_year) for row in resume.education.all()] == [
        (atlas_rows["college"], atlas_rows["specialty"], 2027)
    ]
    assert [(row.kind, row.title) for row in resume.experience.all()] == [("abilympics", "2-е место по сварке")]

    # The cards' skills the résumé does not list yet are offered; «Чтение чертежей» is there already.
    form = client.get(RESUME).content.decode()
    assert "Резюме сохранено." in form
    assert 'value="Работа с инструментом"' in form and 'value="Работа с тестом"' in form
    assert 'value="Чтение чертежей"' not in form
    saved = resume_data(professions=[atlas_rows["welder"].pk], suggested_skills=["Внимательность"])
    saved.update({"education-INITIAL_FORMS": "1", "education-TOTAL_FORMS": "1", "experience-TOTAL_FORMS": "1"})
    saved.update({"education-0-id": resume.education.get().pk, "experience-INITIAL_FORMS": "1"})
    saved["experience-0-id"] = resume.experience.get().pk
    assert client.post(RESUME, saved).status_code == 302
    resume.refresh_from_db()
    assert resume.skills_list == ["Чтение чертежей", "Работа с болгаркой", "Внимательность"]
    assert resume.education.count() == 1 and resume.experience.count() == 1


def test_the_easy_read_version_has_its_own_hints(client, signed_in, atlas_rows):
    easy = client.get(RESUME + "?version=easy").content.decode()
    assert "Вы были на практике? Участвовали в конкурсе?" in easy and "Ещё не работали? Это нормально." not in easy
    assert 'name="version" value="easy"' in easy and "Показать обычные подсказки" in easy


@pytest.mark.parametrize(
    ("changed", "field", "message"),
    [
        ({"education-0-graduation_year": "20x6"}, "id_education-0-graduation_year", "Напишите год четырьмя цифрами"),
        ({"education-0-graduation_year": "2090"}, "id_education-0-graduation_year", "Проверьте год"),
        ({"education-0-organisation": ""}, "id_education-0-organisation", "Выберите колледж или вуз"),
        ({"district": "999999"}, "id_district", "Выберите из списка."),
        ({"professions": ["abc"]}, "id_professions", "Выберите из списка."),
        ({"driving_licences": ["Z"]}, "id_driving_licences", "Выберите категории из списка."),
        ({"experience-0-kind": "war"}, "id_experience-0-kind", "Выберите один из ответов"),
        ({"phone": "", "contact_email": ""}, "id_phone", "Укажите телефон или электронную почту"),
        ({"support_needs_shown": "on"}, "id_support_needs", "Напишите, какая поддержка вам нужна"),
        ({"phone": "позвоните мне"}, "id_phone", ""),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_saved(
    client, signed_in, resume_data, changed, field, message
):
    response = client.post(RESUME, resume_data(**changed))
    html = response.content.decode()
    assert response.status_code == 400 and "Пока ничего не сохранено" in html
    assert f'id="{field}-error"' in html and message in html
    assert not Resume.objects.exists()


def test_more_than_five_professions_are_refused(client, signed_in, resume_data, atlas_rows):
    from atlas.factories import ProfessionPageFactory

    parent = atlas_rows["welder"].get_parent()
    cards = [ProfessionPageFactory(parent=parent, title=f"Профессия {n}", slug=f"p-{n}") for n in range(6)]
    html = client.post(RESUME, resume_data(professions=[card.pk for card in cards])).content.decode()
    assert "Выберите не больше 5 профессий" in html and not Resume.objects.exists()


def test_without_a_consent_in_force_the_form_sends_back_to_the_cabinet(client, signed_in, resume_data):
    accounts.withdraw(signed_in)
    assert client.get(RESUME)["Location"] == CABINET
    assert client.post(RESUME, resume_data())["Location"] == CABINET and not Resume.objects.exists()


def test_the_resume_pdf_is_tagged_and_reads_as_the_resume(client, signed_in, resume_data):
    assert client.get(RESUME + "pdf/").status_code == 404  # no résumé yet
    client.post(RESUME, resume_data())
    response = client.get(RESUME + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title == "Резюме: Иванов Пётр Сергеевич"
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Сварщик", "Хабаровский технический колледж", "2-е место по сварке", "+7 914 000-00-00"):
        assert words in text, words


def test_the_cabinet_hints_at_what_is_missing_without_a_score(client, signed_in, resume_data):
    cabinet = client.get(CABINET).content.decode()
    assert "Вы ещё не написали резюме." in cabinet and "Написать резюме" in cabinet
    client.post(RESUME, resume_data(**{"experience-TOTAL_FORMS": "0", "visible": ""}))
    cabinet = client.get(CABINET).content.decode()
    assert "Добавьте практику, профпробу, конкурс или кружок" in cabinet
    assert "Резюме скрыто: его видите только вы." in cabinet and "%" not in cabinet.split("resume-missing")[1][:400]


def test_the_export_carries_the_resume_in_json_and_in_a_readable_pdf(client, signed_in, resume_data):
    client.post(RESUME, resume_data())
    data = json.loads(client.post(CABINET, {"action": "export"}).content)
    resume = data["resume"]
    assert resume["professions"] == ["Сварщик"] and resume["district"] == "Хабаровск"
    assert resume["education"] == [
        {
            "organisation": "Хабаровский технический колледж",
            "specialty": "22.02.06 Сварочное производство",
            "graduation_year": 2027,
        }
    ]
    assert resume["experience"][0]["title"] == "2-е место по сварке" and resume["phone"] == "+7 914 000-00-00"

    response = client.post(CABINET, {"action": "export-pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert f"moi-dannye-{timezone.localdate().isoformat()}.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("resume.education", "Хабаровский технический колледж", "consents", "ivanov.petr@student.example.ru"):
        assert words in text, words


def test_deleting_the_account_deletes_the_resume_with_its_rows(client, signed_in, resume_data):
    from resumes.models import ResumeEducation, ResumeExperience

    client.post(RESUME, resume_data())
    client.post(CABINET, {"action": "delete", "understood": "on"})
    assert (
        not Resume.objects.exists() and not ResumeEducation.objects.exists() and not ResumeExperience.objects.exists()
    )


def test_only_a_visible_resume_with_a_current_consent_of_an_open_account_is_shown(client, signed_in, resume_data):
    from resumes import consent

    client.post(RESUME, resume_data(visible=""))
    resume = Resume.objects.get()
    assert not Resume.objects.shown().exists()  # hidden by its owner
    Resume.objects.update(visible=True)
    assert list(Resume.objects.shown()) == [resume]

    accounts.withdraw(signed_in)
    assert not Resume.objects.shown().exists()  # withdrawn: hidden at once
    accounts.give_consent(signed_in)
    assert Resume.objects.shown().exists()

    signed_in.consents.update(version=consent.CURRENT - 1)  # a consent to an older text
    assert not Resume.objects.shown().exists()
    accounts.give_consent(signed_in)
    signed_in.account.is_active = False
    signed_in.account.save()
    assert not Resume.objects.shown().exists()  # a closed account


def test_a_first_resume_saved_twice_at_once_is_not_a_500(client, signed_in, resume_data, monkeypatch):
    from resumes import views

    original = views.ResumeEditView.setup_forms

    def raced(self, data=None):  # another request writes the résumé between this one's reading and its writing
        forms = original(self, data)
        if data is not None:
            Resume.objects.create(student=self.student)
        return forms

    monkeypatch.setattr(views.ResumeEditView, "setup_forms", raced)
    response = client.post(RESUME, resume_data(), follow=True)
    assert response.status_code == 200 and "Резюме только что сохранено" in response.content.decode()
    assert Resume.objects.count() == 1


def test_an_error_report_lists_nothing_the_student_posted(client, signed_in, resume_data):
    from django.views.debug import SafeExceptionReporterFilter

    request = client.post(RESUME, resume_data()).wsgi_request
    shown = SafeExceptionReporterFilter().get_post_parameters(request)
    assert shown["phone"] == shown["about"] == "********************"
