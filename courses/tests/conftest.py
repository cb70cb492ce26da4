"""The catalogue page, two districts, and makers of courses, teachers and organisers (nothing from the seed)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from atlas.models import MunicipalDistrict
from courses.access import organisers_group
from courses.models import Course, CourseCatalogPage
from portal.account_requests import RequestStatus
from portal.groups import teachers_group
from teachers.models import TeacherRequest

PASSWORD = "Kursy-Amur-2026"


@pytest.fixture
def catalogue(site_tree):
    home, _english = site_tree
    page = CourseCatalogPage(title="Курсы повышения квалификации", slug="kursy")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def districts(site_tree):
    locale = site_tree[0].locale
    return {
        key: MunicipalDistrict.objects.create(name=name, slug=key, locale=locale)
        for key, name in (("amursk", "Амурский муниципальный район"), ("vanino", "Ванинский муниципальный район"))
    }


@pytest.fixture
def make_course(db):
    """``make_course(title, **fields)``: a course starting in 30 days, enrolment open, places not limited."""

    def make(title="Педагог-навигатор", **fields):
        today = timezone.localdate()
        starts_on = fields.pop("starts_on", today + datetime.timedelta(days=30))
        defaults = {
            "summary_ru": "Профориентация в школе.",
            "hours": 36,
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=14),
            "enrolment_closes_on": starts_on - datetime.timedelta(days=1),
            "provider": "ХК ИРО",
        }
        return Course.objects.create(title_ru=title, **{**defaults, **fields})

    return make


@pytest.fixture
def teacher(districts):
    """``teacher(username, district="amursk", status=APPROVED)``: a signed-up teacher's account."""

    def make(username, district="amursk", *, status=RequestStatus.APPROVED):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", PASSWORD)
        user.groups.add(teachers_group())
        TeacherRequest.objects.create(
            account=user,
            full_name=f"Учитель {username}",
            school=f"МБОУ СОШ № 1 ({username})",
            district=districts[district],
            email=user.email,
            language="ru",
            status=status,
            consent_at=timezone.now(),
        )
        return user

    return make


@pytest.fixture
def organiser(db):
    """``organiser(username, *courses)``: an account of the organisers' group, organiser of ``courses``."""

    def make(username, *courses):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", PASSWORD)
        user.groups.add(organisers_group())
        for course in courses:
            course.organisers.add(user)
        return user

    return make
