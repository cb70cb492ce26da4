"""The courses in the admin: moderators keep the catalogue and see no teacher's enrolment; each course's organisers
see its enrolments only and confirm completion («Подтвердить прохождение»); another organiser is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from courses import enrolling
from courses.models import Course, EnrolmentStatus
from home.roles import MODERATORS, ensure_editorial_roles

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(make_course, teacher, organiser):
    """Two courses with an organiser each, and a teacher enrolled on each."""
    ours, theirs = make_course("Наш курс"), make_course("Чужой курс")
    organisers = {"ours": organiser("ours", ours), "theirs": organiser("theirs", theirs)}
    return {
        "ours": enrolling.enrol(ours, teacher("petrova")),
        "theirs": enrolling.enrol(theirs, teacher("ivanova", "vanino")),
        **{f"{key}_organiser": user for key, user in organisers.items()},
    }


def test_an_organiser_sees_and_confirms_only_their_courses_enrolments(client, enrolled):
    ours, theirs = enrolled["ours"], enrolled["theirs"]
    client.force_login(enrolled["ours_organiser"])
    listing = client.get(reverse("courses_enrolments:index")).content.decode()
    assert "Учитель petrova" in listing and "Учитель ivanova" not in listing
    inspect = client.get(reverse("courses_enrolments:inspect", args=[ours.pk])).content.decode()
    assert "МБОУ СОШ № 1 (petrova)" in inspect and reverse("courses_enrolments:complete", args=[ours.pk]) in inspect
    assert client.get(reverse("courses_enrolments:inspect", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("courses_enrolments:complete", args=[theirs.pk])).status_code == 404
    # Nobody adds, edits or deletes a teacher's enrolment in the admin; the catalogue is the moderators'.
    assert client.get(reverse("courses_enrolments:add")).status_code == 302
    assert client.get(reverse("courses_enrolments:edit", args=[ours.pk])).status_code == 302
    assert client.get(reverse("courses_courses:index")).status_code == 302

    response = client.post(reverse("courses_enrolments:complete", args=[ours.pk]), follow=True)
    assert "Прохождение курса подтверждено: Учитель petrova" in response.content.decode()
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.status == EnrolmentStatus.COMPLETED and ours.counted
    assert theirs.status == EnrolmentStatus.ENROLLED


def test_a_moderator_or_a_superuser_keeps_the_catalogue_but_sees_no_enrolment(client, enrolled, make_course):
    ensure_editorial_roles()
    moderator = get_user_model().objects.create_user("mod@example.ru", "mod@example.ru", PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    admin = get_user_model().objects.create_superuser("root@example.ru", "root@example.ru", PASSWORD)
    for user in (moderator, admin):
        client.force_login(user)
        listing = client.get(reverse("courses_enrolments:index"))
        assert "Учитель petrova" not in listing.content.decode()
        assert client.get(reverse("courses_enrolments:inspect", args=[enrolled["ours"].pk])).status_code in (302, 404)
        assert client.post(reverse("courses_enrolments:complete", args=[enrolled["ours"].pk])).status_code == 404
    client.force_login(moderator)
    assert client.get(reverse("courses_courses:index")).status_code == 200
    course = Course.objects.get(title_ru="Наш курс")
    data = {
        "title_ru": course.title_ru,
        "summary_ru": course.summary_ru,
        "for_teachers": "on",
        "hours": 36,
        "format": "distance",
        "starts_on": "2027-02-10",
        "ends_on": "2027-02-01",
        "enrolment_closes_on": "2027-02-05",
        "provider": "ХК ИРО",
        "enrolment_open": "on",
    }
    response = client.post(reverse("courses_courses:edit", args=[course.pk]), data)
    assert "ends_on" in response.context["form"].errors
    response = client.post(
        reverse("courses_courses:edit", args=[course.pk]),
        {**data, "ends_on": "2027-02-20", "organisers": [enrolled["theirs_organiser"].pk]},
    )
    assert response.status_code == 302
    assert list(course.organisers.all()) == [enrolled["theirs_organiser"]]
