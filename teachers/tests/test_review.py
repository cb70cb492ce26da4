"""Editors decide every confirmed request; a district's coordinator only those of their districts. Approval opens the
account and puts it in «Педагоги», whose members download the private materials."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home.roles import MODERATORS, ensure_editorial_roles
from portal.groups import TEACHERS_GROUP, teachers_group
from portal.tests.helpers import link_in, path_of
from teachers.models import COORDINATORS_GROUP, Coordinator, Status, TeacherRequest

from .conftest import PASSWORD, REQUESTS, signs_in

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def private_material(site_tree):
    """A document of a collection open to «Педагоги» only, as methodics' «Материалы для педагогов» is."""
    collection = Collection.get_first_root_node().add_child(name="Материалы для педагогов")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([teachers_group()])
    document = get_document_model()(title="Ключи к тесту", collection=collection)
    document.file.save("klyuchi.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def decide(client, user, teacher, action, **data):
    client.force_login(user)
    response = client.post(f"{REQUESTS}{teacher.pk}/{action}/", data)
    client.logout()
    teacher.refresh_from_db()
    return response


def test_request_confirmation_and_approval_by_an_editor_open_the_private_materials(
    client, confirmed, editor, private_material
):
    teacher = confirmed()
    anonymous = client.get(private_material.url)
    assert anonymous.status_code == 302 and "/_util/login/" in anonymous["Location"]

    client.force_login(editor)
    page = client.get(f"{REQUESTS}{teacher.pk}/approve/")
    assert page.status_code == 200 and "МБОУ СОШ № 1 г. Бикина" in page.content.decode()
    client.logout()
    sent = len(mail.outbox)
    assert decide(client, editor, teacher, "approve").status_code == 302
    assert teacher.status == Status.APPROVED and teacher.decided_by == editor and teacher.decided_at
    account = teacher.account
    account.refresh_from_db()
    assert account.is_active and list(account.groups.values_list("name", flat=True)) == [TEACHERS_GROUP]
    assert not account.has_perm("wagtailadmin.access_admin")  # a teacher is no editor

    assert len(mail.outbox) == sent + 1
    letter = mail.outbox[-1]
    assert letter.to == [teacher.email] and letter.subject == "Ваша учётная запись педагога на портале открыта"
    assert "имя пользователя — petrova@school1-bikin.example.ru" in letter.body
    assert "http://127.0.0.1:8000/_util/login/" in letter.body

    # The teacher signs in on the site's own form with the password of the request, and downloads.
    assert signs_in(client, teacher.email, PASSWORD)
    served = client.get(private_material.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF


def test_an_english_request_is_approved_in_english(client, site_tree, request_data, editor):
    assert client.post("/en/pedagogam/registratsiia/", request_data()).status_code == 302
    assert client.get(path_of(link_in(mail.outbox[-1]))).status_code == 200
    teacher = TeacherRequest.objects.get()
    decide(client, editor, teacher, "approve")  # the editor works in Russian; the letter follows the request
    letter = mail.outbox[-1]
    assert letter.subject == "Your teacher's account on the portal is open"
    assert "http://127.0.0.1:8000/en/_util/login/" in letter.body


def test_rejection_needs_a_reason_keeps_the_account_closed_and_mails_the_reason(client, confirmed, editor):
    teacher = confirmed()
    sent = len(mail.outbox)
    for data in ({"reason": "  "}, {}):
        empty = decide(client, editor, teacher, "reject", **data)
        assert empty.status_code == 400 and "Требуется заполнить это поле." in empty.content.decode()
    assert teacher.status == Status.CONFIRMED and len(mail.outbox) == sent

    reason = "Школа с таким названием не найдена в Бикинском районе: уточните название."
    assert decide(client, editor, teacher, "reject", reason=reason).status_code == 302
    assert teacher.status == Status.REJECTED and teacher.reason == reason
    assert not teacher.account.is_active and not teacher.account.groups.exists()
    letter = mail.outbox[-1]
    assert letter.subject == "Ваша заявка на учётную запись педагога на портале"
    assert reason in letter.body and "Заявка хранится 30 дней, затем удаляется." in letter.body
    assert not signs_in(client, teacher.email, PASSWORD)
    # Decided once: a second decision changes nothing.
    decide(client, editor, teacher, "approve")
    assert teacher.status == Status.REJECTED and len(mail.outbox) == sent + 1


def test_an_unconfirmed_request_is_not_listed_nor_approvable(client, requested, editor):
    teacher, _link = requested()
    client.force_login(editor)
    assert teacher.full_name not in client.get(REQUESTS).content.decode()
    assert client.get(f"{REQUESTS}{teacher.pk}/approve/").status_code == 404
    client.logout()
    assert decide(client, editor, teacher, "approve").status_code == 404
    assert teacher.status == Status.UNCONFIRMED and not teacher.account.is_active


def test_editors_list_requests_filtered_by_district_and_status(client, confirmed, editor, districts):
    bikin = confirmed()
    vanino = confirmed(
        full_name="Сидоров Олег Иванович",
        school="МБОУ СОШ № 2 п. Ванино",
        district=str(districts["vanino"].pk),
        email="sidorov@vanino.example.ru",
    )
    client.force_login(editor)
    everything = client.get(REQUESTS).content.decode()
    assert "Петрова Анна Сергеевна" in everything and "Сидоров Олег Иванович" in everything
    assert f"{REQUESTS}{bikin.pk}/approve/" in everything and f"{REQUESTS}{vanino.pk}/reject/" in everything
    by_district = client.get(REQUESTS, {"district": districts["vanino"].pk}).content.decode()
    assert "Сидоров Олег Иванович" in by_district and "Петрова Анна Сергеевна" not in by_district
    decide(client, editor, bikin, "approve")
    client.force_login(editor)
    approved = client.get(REQUESTS, {"status": Status.APPROVED}).content.decode()
    assert "Петрова Анна Сергеевна" in approved and "Сидоров Олег Иванович" not in approved


def test_a_coordinator_decides_only_the_requests_of_their_districts(client, confirmed, districts, coordinator_of):
    own = confirmed()  # Бикинский район
    other = confirmed(
        full_name="Сидоров Олег Иванович",
        school="МБОУ СОШ № 2 п. Ванино",
        district=str(districts["vanino"].pk),
        email="sidorov@vanino.example.ru",
    )
    coordinator = coordinator_of(districts["bikin"])
    assert list(coordinator.groups.values_list("name", flat=True)) == [COORDINATORS_GROUP]

    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200  # the coordinators' group opens the admin
    listing = client.get(REQUESTS).content.decode()
    assert "Петрова Анна Сергеевна" in listing and "Сидоров Олег Иванович" not in listing
    assert client.get(REQUESTS, {"district": districts["vanino"].pk}).status_code in (200, 400)
    assert "Сидоров Олег Иванович" not in client.get(REQUESTS, {"district": districts["vanino"].pk}).content.decode()
    # Another district's request does not exist for them: not its page, not its decision, not its edit form.
    assert client.get(f"{REQUESTS}{other.pk}/approve/").status_code == 404
    assert client.post(f"{REQUESTS}{other.pk}/approve/").status_code == 404
    assert client.post(f"{REQUESTS}{other.pk}/reject/", {"reason": "x"}).status_code == 404
    assert client.get(f"{REQUESTS}edit/{other.pk}/").status_code == 404
    other.refresh_from_db()
    assert other.status == Status.CONFIRMED and not other.account.is_active
    client.logout()

    assert decide(client, coordinator, own, "approve").status_code == 302
    assert own.status == Status.APPROVED and own.decided_by == coordinator
    assert own.account.groups.filter(name=TEACHERS_GROUP).exists()


def test_a_coordinator_of_both_districts_sees_both_and_others_see_nothing(
    client, confirmed, districts, coordinator_of, django_user_model
):
    confirmed()
    coordinator = coordinator_of(districts["bikin"], districts["vanino"])
    client.force_login(coordinator)
    assert "Петрова Анна Сергеевна" in client.get(REQUESTS).content.decode()
    client.logout()
    # A signed-in teacher or any other user without a role: no list, no decision.
    nobody = django_user_model.objects.create_user("prosto", "prosto@example.ru", "Prosto-pass-2026")
    client.force_login(nobody)
    assert client.get(REQUESTS).status_code in (302, 403)
    assert client.post(f"{REQUESTS}1/approve/").status_code in (302, 403)


def test_editors_appoint_coordinators_in_the_admin(client, editor, districts, django_user_model):
    user = django_user_model.objects.create_user("koordinator", "k@example.ru", "Koord-pass-2026")
    client.force_login(editor)
    form = client.get("/admin/teachers/coordinators/new/")
    assert form.status_code == 200 and "Бикинский муниципальный район" in form.content.decode()
    response = client.post(
        "/admin/teachers/coordinators/new/", {"user": user.pk, "districts": [districts["vanino"].pk]}
    )
    assert response.status_code == 302
    coordinator = Coordinator.objects.get(user=user)
    assert list(coordinator.districts.all()) == [districts["vanino"]]
    assert user.groups.filter(name=COORDINATORS_GROUP).exists()
    # Removing the coordinator takes the admin away again.
    assert client.post(f"/admin/teachers/coordinators/delete/{coordinator.pk}/").status_code == 302
    assert not Coordinator.objects.exists() and not user.groups.exists()


def test_the_moderators_role_reviews_teachers_and_organisations_and_appoints_coordinators(client, confirmed, districts):
    """Not only superusers: the seed's «Модераторы» group (home.roles) carries the review permissions."""
    ensure_editorial_roles()
    moderator = get_user_model().objects.create_user("moderator", "m@example.ru", "Moderator-pass-2026")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    teacher = confirmed()
    client.force_login(moderator)
    listed = client.get(REQUESTS).content.decode()
    assert "Петрова Анна Сергеевна" in listed and f"{REQUESTS}{teacher.pk}/approve/" in listed
    assert client.get("/admin/organisations/requests/").status_code == 200
    assert "Бикинский муниципальный район" in client.get("/admin/teachers/coordinators/new/").content.decode()
    decide(client, moderator, teacher, "approve")
    assert teacher.status == Status.APPROVED
