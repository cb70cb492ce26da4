"""Verified employers search résumés in the admin, open them (each look recorded for the owner), invite, and see the
contacts once the owner accepts; nobody else sees a résumé, and a guessed id is a 404."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resumes.models import Invitation, InvitationStatus, Resume, ResumeView

from .conftest import CABINET

pytestmark = pytest.mark.django_db

SEARCH = "/admin/reziume/"


@pytest.fixture
def employer(client, make_organisation):
    """A verified employer, signed in to the admin."""
    organisation = make_organisation("ООО «Амурская верфь»")
    client.force_login(organisation.account)
    return organisation


def test_only_a_verified_employer_sees_resumes(client, make_shown_resume, make_organisation, atlas_rows):
    resume = make_shown_resume("anna@student.example.ru")
    address = f"{SEARCH}{resume.pk}/"
    assert client.get(address).status_code == 302  # anonymous: to the sign-in page

    client.force_login(resume.student.account)  # a student, even the owner: not in the admin
    assert "Петрова" not in client.get(address).content.decode()

    waiting = make_organisation("ООО «Ждёт проверки»", approved=False)
    client.force_login(waiting.account)
    assert "Петрова" not in client.get(address, follow=True).content.decode()

    college = make_organisation("Колледж с учётной записью")
    college.educational_organization = atlas_rows["college"]
    college.save()
    client.force_login(college.account)
    for refused in (address, SEARCH):  # Wagtail turns the 403 into a redirect to the dashboard with a message
        assert "Петрова" not in client.get(refused, follow=True).content.decode()
        assert client.get(refused).status_code in (302, 403)

    employer = make_organisation("ООО «Проверенный работодатель»")
    client.force_login(employer.account)
    page = client.get(address).content.decode()
    assert "Петрова Анна Ивановна" in page and "Сварщик" in page
    assert not ResumeView.objects.exclude(organisation=employer).exists()  # only the employer's look was recorded


def test_a_guessed_or_hidden_resume_is_a_404(client, employer, make_shown_resume):
    hidden = make_shown_resume("hidden@student.example.ru", visible=False)
    assert client.get(f"{SEARCH}{hidden.pk}/").status_code == 404
    assert client.get(f"{SEARCH}{hidden.pk + 1000}/").status_code == 404
    assert client.get(f"{SEARCH}abc/").status_code == 404
    assert not ResumeView.objects.exists()


def test_the_search_filters_counts_and_keeps_its_queries_constant(client, employer, make_shown_resume, atlas_rows):
    make_shown_resume("one@student.example.ru")
    make_shown_resume("two@student.example.ru", district=atlas_rows["amursk"], ready_to_move=True, graduation_year=2026)
    make_shown_resume(
        "three@student.example.ru", district=atlas_rows["amursk"], support_needs="Пандус", support_needs_shown=True
    )
    make_shown_resume("hidden@student.example.ru", visible=False, graduation_year=2090)

    page = client.get(SEARCH).content.decode()
    assert "Найдено резюме: 3" in page and "Петрова" not in page  # names are on the résumés, not in the list
    assert "Хабаровск (1)" in page and "Амурский район (2)" in page and "Сварщик (3)" in page

    def found(**query):
        return client.get(SEARCH, query).context["total"]

    assert found(district=atlas_rows["khabarovsk"].pk) == 1
    assert found(district=atlas_rows["khabarovsk"].pk, movers="on") == 2
    assert found(year=2026) == 1 and found(support="on") == 1
    assert found(year=2026, specialty=atlas_rows["specialty"].pk) == 1  # the same place of study
    assert '<option value="2090">' not in page  # a hidden résumé's year is not offered
    assert found(profession=atlas_rows["cook"].pk) == 0
    bad = client.get(SEARCH, {"district": "abc", "year": "xyz", "p": "999"})
    html = bad.content.decode()
    assert bad.status_code == 200 and "Некоторые фильтры не применены" in html and bad.context["total"] == 3

    with CaptureQueriesContext(connection) as few:
        client.get(SEARCH, {"district": atlas_rows["amursk"].pk})
    for n in range(12):
        make_shown_resume(f"more{n}@student.example.ru", district=atlas_rows["amursk"])
    with CaptureQueriesContext(connection) as many:
        assert client.get(SEARCH, {"district": atlas_rows["amursk"].pk}).context["total"] == 14
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


def test_an_invitation_is_answered_once_and_accepting_shows_the_contacts(client, employer, make_shown_resume):
    resume = make_shown_resume("anna@student.example.ru")
    address = f"{SEARCH}{resume.pk}/"
    page = client.get(address).content.decode()
    assert "+7 900 123-45-67" not in page and "Контакты будут видны" in page

    refused = client.post(address, {"message": "", "vacancy": ""})
    assert refused.status_code == 400 and "Выберите вакансию или напишите сообщение" in refused.content.decode()
    assert client.post(address, {"message": "Приглашаем на пробный день"}).status_code == 302
    invitation = Invitation.objects.get()
    assert "приглашает вас" in mail.outbox[-1].subject and mail.outbox[-1].to == ["anna@student.example.ru"]
    again = client.post(address, {"message": "Ещё раз"})
    assert "ещё ждёт ответа" in again.content.decode() and Invitation.objects.count() == 1

    client.force_login(resume.student.account)
    cabinet = client.get(CABINET).content.decode()
    assert "ООО «Амурская верфь»" in cabinet and "Приглашаем на пробный день" in cabinet
    sent = len(mail.outbox)
    client.post(CABINET, {"action": "accept", "invitation": invitation.pk})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    letters = {message.to[0]: message.subject for message in mail.outbox[-2:]}
    assert "принято" in letters[employer.email] and "Вы приняли приглашение" in letters["anna@student.example.ru"]

    replay = client.post(CABINET, {"action": "decline", "invitation": invitation.pk}, follow=True)
    assert "Вы уже ответили на это приглашение" in replay.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and len(mail.outbox) == sent + 2
    assert client.post(CABINET, {"action": "accept", "invitation": "abc"}).status_code == 302

    client.force_login(employer.account)
    assert "+7 900 123-45-67" in client.get(address).content.decode()


def test_a_student_cannot_answer_another_persons_invitation(client, employer, make_shown_resume):
    theirs = make_shown_resume("their@student.example.ru")
    mine = make_shown_resume("mine@student.example.ru")
    client.post(f"{SEARCH}{theirs.pk}/", {"message": "Приглашаем"})
    client.force_login(mine.student.account)
    client.post(CABINET, {"action": "accept", "invitation": Invitation.objects.get().pk})
    assert Invitation.objects.get().status == InvitationStatus.SENT


def test_the_owner_sees_who_looked_and_when(client, employer, make_shown_resume):
    resume = make_shown_resume("anna@student.example.ru")
    client.get(f"{SEARCH}{resume.pk}/")
    client.get(f"{SEARCH}{resume.pk}/")
    client.force_login(resume.student.account)
    cabinet = client.get(CABINET).content.decode()
    assert "Работодатели открывали резюме 2 раза." in cabinet and cabinet.count("ООО «Амурская верфь», ") == 2
    exported = client.post(CABINET, {"action": "export"}).json()
    assert [view["organisation"] for view in exported["resume"]["views_by_employers"]] == ["ООО «Амурская верфь»"] * 2


def test_the_whole_data_life(client, employer, make_shown_resume):
    """Résumé → looked at (recorded) → invitation → accepted → contacts → consent withdrawn → hidden → deleted."""
    resume = make_shown_resume("life@student.example.ru")
    student = resume.student
    address = f"{SEARCH}{resume.pk}/"
    client.get(address)
    client.post(address, {"message": "Приглашаем на собеседование"})
    client.force_login(student.account)
    client.post(CABINET, {"action": "accept", "invitation": Invitation.objects.get().pk})
    client.force_login(employer.account)
    assert "+7 900 123-45-67" in client.get(address).content.decode()

    client.force_login(student.account)
    client.post(CABINET, {"action": "withdraw"})
    client.force_login(employer.account)
    assert client.get(address).status_code == 404 and client.get(SEARCH).context["total"] == 0

    client.force_login(student.account)
    client.post(CABINET, {"action": "delete", "understood": "on"})
    assert not Resume.objects.exists() and not ResumeView.objects.exists() and not Invitation.objects.exists()


@pytest.mark.smtp
def test_the_invitation_and_the_answer_reach_both_sides_through_smtp(client, employer, make_shown_resume, smtp_server):
    import uuid
    from email.header import decode_header, make_header

    from conftest import received

    address = f"student-{uuid.uuid4().hex[:8]}@student.example.ru"  # the Maildir outlives a run
    name = f"Студентова {uuid.uuid4().hex[:8]}"
    resume = make_shown_resume(address, full_name=name)
    client.post(f"{SEARCH}{resume.pk}/", {"message": "Приглашаем на собеседование во вторник."})
    (letter,) = received(smtp_server, address)
    subject = str(make_header(decode_header(letter["Subject"])))
    assert subject == "ООО «Амурская верфь» приглашает вас: база резюме студентов"
    body = letter.get_payload(decode=True).decode(letter.get_content_charset())
    assert "Приглашаем на собеседование во вторник." in body and "/studentam/kabinet/" in body

    client.force_login(resume.student.account)
    client.post(CABINET, {"action": "accept", "invitation": Invitation.objects.get().pk})
    (answer,) = [m for m in received(smtp_server, employer.email) if name in m.get_payload(decode=True).decode("utf-8")]
    assert str(make_header(decode_header(answer["Subject"]))) == "Ваше приглашение принято: база резюме студентов"
