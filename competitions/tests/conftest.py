"""«Конкурсы» with competitions in every phase, teachers, a student and jurors (nothing from the seed)."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from atlas.factories import DistrictFactory
from competitions.access import jury_group
from competitions.models import CompetitionIndexPage, CompetitionPage, Entry, Nomination
from portal.account_requests import RequestStatus
from portal.groups import teachers_group
from resumes import accounts
from resumes.models import StudentAccount
from teachers.models import TeacherRequest

PASSWORD = "Konkurs-Amur-2026"
_numbers = itertools.count(1)


@pytest.fixture
def index(site_tree):
    home, _english = site_tree
    page = CompetitionIndexPage(title="Конкурсы", slug="konkursy")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_competition(index):
    """``make_competition(slug, opens_in=-5, closes_in=10, audience="students")``: a live competition with two
    nominations, its dates counted in days from today."""

    def make(slug, opens_in=-5, closes_in=10, results_in=30, audience="students", grades=(8, 11), **fields):
        today = timezone.localdate()
        page = CompetitionPage(
            title=f"Конкурс {slug}",
            slug=slug,
            audience=audience,
            grade_from=grades[0] if grades else None,
            grade_to=grades[1] if grades else None,
            entries_open_on=today + datetime.timedelta(days=opens_in),
            entries_close_on=today + datetime.timedelta(days=closes_in),
            results_on=today + datetime.timedelta(days=results_in),
            **fields,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        for order, title in enumerate(("Эссе", "Видеоролик")):
            Nomination.objects.create(competition=page, title=f"{title} ({slug})", sort_order=order)
        return page

    return make


@pytest.fixture
def open_competition(make_competition):
    return make_competition("otkrytyi")


@pytest.fixture
def districts(db):
    return {"bikin": DistrictFactory(name="Бикинский муниципальный район", slug="bikinskii")}


@pytest.fixture
def teacher(districts):
    """``teacher(username)``: a teacher whose account was approved, at «МБОУ СОШ № 3» of Bikinsky district."""

    def make(username="ivanova", *, status=RequestStatus.APPROVED):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", PASSWORD)
        user.groups.add(teachers_group())
        TeacherRequest.objects.create(
            account=user,
            full_name=f"Иванова Елена Петровна {username}",
            school="МБОУ СОШ № 3",
            district=districts["bikin"],
            email=user.email,
            language="ru",
            status=status,
            consent_at=timezone.now(),
        )
        return user

    return make


@pytest.fixture
def student(db):
    """A college student with a student's account."""
    number = next(_numbers)
    email = f"student{number}@example.ru"
    user = get_user_model().objects.create_user(email, email, PASSWORD)
    account = StudentAccount.objects.create(
        full_name="Петрова Анна Игоревна",
        birth_date="2006-01-02",
        occupation="college",
        email=email,
        account=user,
        status="confirmed",
        consent_at=timezone.now(),
        language="ru",
    )
    accounts.give_consent(account)
    return user


@pytest.fixture
def juror(db):
    """``juror(username, *competitions)``: a jury account on those competitions' juries."""

    def make(username, *competitions):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", PASSWORD)
        user.groups.add(jury_group())
        for competition in competitions:
            competition.jurors.add(user)
            competition.save()  # a parental many-to-many is written with its page
        return user

    return make


def make_entry(competition, title="Работа", **fields):
    values = {
        "nomination": competition.nominations.first(),
        "participant": "student",
        "participant_first_name": "Мария",
        "participant_last_name": "Котова",
        "grade": 9,
        "school": "МБОУ СОШ № 3",
        "title": title,
        "consent_digest": "x" * 64,
        **fields,
    }
    return Entry.objects.create(competition=competition, **values)
