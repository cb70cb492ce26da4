"""Who reads parents' questions in the admin: only the staff of the centre each was sent to; marking one answered
and the daily deletion; editors keep the directory of centres but never see a question."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from home.roles import MODERATORS, ensure_editorial_roles
from parents.models import ConsultationRequest

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def ask(centre, **fields):
    return ConsultationRequest.objects.create(
        centre=centre,
        name="Ирина",
        phone="+7 914 000-00-00",
        grade="5-7",
        question=fields.pop("question", "Как выбрать кружок?"),
        consent_digest="0" * 64,
        **fields,
    )


def signed_in(client, user):
    client.force_login(user)
    return client


def staff_of(centre):
    return centre.staff.get()


def test_a_centres_staff_list_and_open_their_centres_questions_only(client, centres):
    ours = ask(centres["amursk"], question="Наш вопрос про Амурск")
    theirs = ask(centres["vanino"], question="Чужой вопрос про Ванино")
    signed_in(client, staff_of(centres["amursk"]))
    listing = client.get(reverse("parents_requests:index")).content.decode()
    assert reverse("parents_requests:inspect", args=[ours.pk]) in listing
    assert reverse("parents_requests:inspect", args=[theirs.pk]) not in listing
    page = client.get(reverse("parents_requests:inspect", args=[ours.pk]))
    assert "Наш вопрос про Амурск" in page.content.decode()
    assert client.get(reverse("parents_requests:inspect", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("parents_requests:answer", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("parents_requests:delete", args=[theirs.pk])).status_code == 404
    # Nobody adds or edits a parent's words.
    assert client.get(reverse("parents_requests:add")).status_code == 302
    assert client.get(reverse("parents_requests:edit", args=[ours.pk])).status_code == 302
    theirs.refresh_from_db()
    assert theirs.answered_at is None


def test_an_editor_or_a_superuser_who_is_not_a_centres_staff_sees_no_question(client, centres):
    ask(centres["amursk"], question="Вопрос, который видит только центр")
    ensure_editorial_roles()
    moderator = get_user_model().objects.create_user("mod@example.ru", "mod@example.ru", PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    admin = get_user_model().objects.create_superuser("root@example.ru", "root@example.ru", PASSWORD)
    for user in (moderator, admin):
        client.logout()
        signed_in(client, user)
        listing = client.get(reverse("parents_requests:index"))
        assert "Вопрос, который видит только центр" not in listing.content.decode()
        assert not client.get(reverse("parents_requests:index")).context.get("object_list", [])
    # The moderator keeps the directory of centres.
    assert client.get(reverse("parents_centres:index")).status_code == 200


def test_a_superuser_on_a_centres_staff_opens_its_questions_but_never_edits_or_adds_one(client, centres):
    question = ask(centres["amursk"], question="Вопрос в центр, где работает администратор")
    admin = get_user_model().objects.create_superuser("root@example.ru", "root@example.ru", PASSWORD)
    centres["amursk"].staff.add(admin)
    signed_in(client, admin)
    assert (
        "Вопрос в центр, где работает администратор"
        in client.get(reverse("parents_requests:inspect", args=[question.pk])).content.decode()
    )
    assert client.get(reverse("parents_requests:edit", args=[question.pk])).status_code == 302
    assert client.post(reverse("parents_requests:edit", args=[question.pk]), {"answered_at": ""}).status_code == 302
    assert client.get(reverse("parents_requests:add")).status_code == 302
    question.refresh_from_db()
    assert question.answered_at is None


def test_marking_answered_starts_the_keeping_time_and_the_daily_command_deletes_what_is_past_it(
    client, centres, settings
):
    settings.CONSULTATION_ANSWERED_KEPT_DAYS, settings.CONSULTATION_KEPT_DAYS = 30, 180
    question = ask(centres["amursk"])
    staff = staff_of(centres["amursk"])
    signed_in(client, staff)
    response = client.post(reverse("parents_requests:answer", args=[question.pk]), follow=True)
    question.refresh_from_db()
    assert question.answered_by == staff and question.answered_at is not None
    expected = (timezone.localdate() + datetime.timedelta(days=30)).strftime("%d.%m.%Y")
    assert f"Вопрос будет удалён не позднее {expected}" in response.content.decode()

    now = timezone.now()
    answered_long_ago = ask(centres["amursk"], answered_at=now - datetime.timedelta(days=31))
    unanswered_old = ask(centres["vanino"], created_at=now - datetime.timedelta(days=181))
    unanswered_recent = ask(centres["vanino"], created_at=now - datetime.timedelta(days=179))
    call_command("forget_consultation_requests", stdout=io.StringIO())
    left = set(ConsultationRequest.objects.values_list("pk", flat=True))
    assert left == {question.pk, unanswered_recent.pk}
    assert answered_long_ago.pk not in left and unanswered_old.pk not in left
    assert "forget_consultation_requests" in settings.DAILY_COMMANDS


def test_a_centre_taking_questions_needs_a_staff_account_from_the_group(client, centres):
    admin = get_user_model().objects.create_superuser("root@example.ru", "root@example.ru", PASSWORD)
    outsider = get_user_model().objects.create_user("out@example.ru", "out@example.ru", PASSWORD)
    signed_in(client, admin)
    centre = centres["krai"]
    data = {
        "name_ru": centre.name_ru,
        "kind": "career",
        "address": centre.address,
        "phone": centre.phone,
        "email": centre.email,
        "hours_ru": centre.hours_ru,
        "accepts_requests": "on",
    }
    response = client.post(reverse("parents_centres:edit", args=[centre.pk]), data)
    assert "нужна хотя бы одна учётная запись" in response.content.decode()
    response = client.post(reverse("parents_centres:edit", args=[centre.pk]), {**data, "staff": [outsider.pk]})
    assert "staff" in response.context["form"].errors  # not in the group: not offered
    member = staff_of(centres["vanino"])
    response = client.post(reverse("parents_centres:edit", args=[centre.pk]), {**data, "staff": [member.pk]})
    assert response.status_code == 302
    assert list(centre.staff.all()) == [member]
