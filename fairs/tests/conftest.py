"""A fair built for each test: the list page, a coming fair, booths of approved organisations with interview slots,
and students with accounts (nothing from the seed)."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from fairs.models import Booth, FairIndexPage, FairPage, InterviewSlot
from opportunities.tests.conftest import atlas_cards, editor, make_organisation  # noqa: F401 (fixtures)
from resumes import accounts
from resumes.models import StudentAccount

PASSWORD = "Student-Amur-2026"
_numbers = itertools.count(1)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def fair_index(site_tree):
    home, _english = site_tree
    index = FairIndexPage(title="Ярмарки вакансий", slug="yarmarki")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_fair(fair_index):
    """``make_fair(first_day_offset, **fields)``: a live fair of one day (in a venue unless told)."""

    def make(offset=10, **fields):
        values = {
            "title": f"Ярмарка {next(_numbers)}",
            "starts_on": days(offset),
            "ends_on": days(offset),
            "format": "venue",
            "venue": "Хабаровск, ул. Ленина, 1",
            **fields,
        }
        fair = FairPage(**values)
        fair_index.add_child(instance=fair)
        fair.save_revision().publish()
        return fair

    return make


def make_booth(fair, organisation, *, status="accepted", slots=((10, 0, 1),), **fields):
    """A booth with a slot for each (hour, minute, capacity) on the fair's first day."""
    booth = Booth(fair=fair, organisation=organisation, status=status, **fields)
    booth.slots = [
        InterviewSlot(starts_at=at(fair.starts_on, hour, minute), minutes=30, capacity=capacity)
        for hour, minute, capacity in slots
    ]
    booth.save()
    return booth


@pytest.fixture
def make_student(db):
    """``make_student(name)``: a confirmed student with a consent to the current text in force."""

    def make(name="Петрова Анна Игоревна"):
        number = next(_numbers)
        email = f"student{number}@example.ru"
        user = get_user_model().objects.create_user(email, email, PASSWORD)
        student = StudentAccount.objects.create(
            full_name=name,
            birth_date="2006-01-02",
            occupation="graduate",
            email=email,
            account=user,
            status="confirmed",
            consent_at=timezone.now(),
            language="ru",
        )
        accounts.give_consent(student)
        return student

    return make
