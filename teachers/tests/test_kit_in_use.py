"""«Мы используем эти материалы»: a teacher marks that their school uses an early-guidance kit, once per school and
year however its name was typed, and the portal's count of indicator 6 follows (numbers worked out by hand)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from methodics.models import LessonPage, MethodicalKitPage, MethodicsIndexPage
from monitoring.models import Indicator, Observation
from portal.account_requests import RequestStatus
from portal.groups import teachers_group
from teachers.in_use import publish_in_use, school_key
from teachers.models import KitInUse, TeacherRequest


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def kit_with_lesson(index, slug, grade):
    kit = add(index, MethodicalKitPage(title=f"Комплект {slug}", slug=slug, profile="general", year=2024))
    add(kit, LessonPage(title=f"Занятие {slug}", slug=f"z-{slug}", grade_min=grade, grade_max=grade))
    return kit


@pytest.fixture
def kits(site_tree):
    home, _ = site_tree
    index = add(home, MethodicsIndexPage(title="Методическая копилка", slug="metodiki"))
    return {"early": kit_with_lesson(index, "rannyaya", 0), "late": kit_with_lesson(index, "starshie", 8)}


@pytest.fixture
def teacher(districts):
    """``teacher(username, school, district="bikin")``: a signed-up teacher whose account was approved."""

    def make(username, school, district="bikin", *, status=RequestStatus.APPROVED):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", "Uchitel-pass-2026")
        user.groups.add(teachers_group())
        TeacherRequest.objects.create(
            account=user,
            full_name=username,
            school=school,
            district=districts[district],
            email=user.email,
            language="ru",
            status=status,
            consent_at=timezone.now(),
        )
        return user

    return make


@pytest.fixture
def indicator_6(districts):
    """Indicator 6 with what Bikinsky reported last year: 40 educational organisations."""
    indicator = Indicator.objects.create(number=6, name="Доля организаций с обновлённой базой", unit=Indicator.PERCENT)
    year = timezone.localdate().year - 1
    Observation.objects.create(indicator=indicator, district=districts["bikin"], year=year, numerator=4, denominator=40)
    return indicator


def action(kit):
    return f'action="/pedagogam/ispolzuem/{kit.pk}/"'


def test_school_names_are_evened_out():
    assert school_key("МБОУ «СОШ № 1» г. Бикина") == school_key("мбоу сош №1  г. бикина") == "мбоу сош № 1 г. бикина"
    assert school_key("Школа № 12") != school_key("Школа № 1")


def test_schools_mark_an_early_kit_once_a_year_and_indicator_6_follows(
    client, kits, teacher, indicator_6, districts, django_capture_on_commit_callbacks
):
    early = kits["early"]
    first = teacher("petrova", "МБОУ СОШ № 1 г. Бикина")
    client.force_login(first)
    assert action(early) in client.get(early.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/pedagogam/ispolzuem/{early.pk}/")
    assert response.status_code == 302 and response["Location"] == early.url + "#in-use"
    page = client.get(early.url).content.decode()
    assert action(early) not in page and "МБОУ СОШ № 1 г. Бикина" in page and 'id="in-use"' in page

    for username, school in [("ivanova", "мбоу сош №1 г. Бикина"), ("sidorov", "МБОУ СОШ № 2 г. Бикина")]:
        client.force_login(teacher(username, school))
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(f"/pedagogam/ispolzuem/{early.pk}/").status_code == 302
    assert KitInUse.objects.count() == 2  # the colleague of school 1 found it marked
    assert KitInUse.objects.get(school_key=school_key("МБОУ СОШ № 1 г. Бикина")).marked_by == first

    year, bikin = timezone.localdate().year, districts["bikin"].pk
    portal = {o.district_id: o for o in Observation.objects.from_portal().filter(indicator=indicator_6, year=year)}
    # 2 schools of the 40 organisations Bikinsky reported → 5 %; the krai is the districts counted.
    assert (portal[bikin].numerator, portal[bikin].denominator, portal[bikin].value) == (2, 40, 5)
    assert "число образовательных организаций района по данным ОМСУ" in portal[bikin].comment
    assert (portal[None].numerator, portal[None].denominator) == (2, 40)
    assert publish_in_use.call() == 0  # nothing changed since


def test_only_teachers_mark_and_only_early_kits(client, kits, teacher, indicator_6):
    early, late = kits["early"], kits["late"]
    url = f"/pedagogam/ispolzuem/{early.pk}/"
    page = client.get(early.url).content.decode()
    assert 'id="in-use"' in page and action(early) not in page  # a word on signing in, no button
    assert client.post(url).status_code == 302 and not KitInUse.objects.exists()  # to the sign-in page

    outsider = get_user_model().objects.create_user("gost", "gost@example.ru", "Gost-pass-2026")
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    client.force_login(teacher("novikova", "МБОУ СОШ № 3", status=RequestStatus.CONFIRMED))  # not approved yet
    assert client.post(url).status_code == 403

    client.force_login(teacher("orlova", "МБОУ СОШ № 4"))
    assert client.get(url).status_code == 405
    assert 'id="in-use"' not in client.get(late.url).content.decode()
    assert client.post(f"/pedagogam/ispolzuem/{late.pk}/").status_code == 404
    assert not KitInUse.objects.exists() and not Observation.objects.from_portal().exists()
