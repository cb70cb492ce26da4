"""Concurrent bookings on PostgreSQL: visitors in threads of their own, each with its own connection, book the last
places of a slot at the same moment, and one visitor books two clashing slots at once; the row locks let exactly
as many through as the capacity allows, and never one person two interviews at the same time."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.utils import timezone

from conftest import require_service
from fairs import visits
from fairs.models import Booth, FairPage, InterviewSlot, Registration, SlotBooking
from partners.models import Organisation, Status
from resumes import consent
from resumes.models import Consent, StudentAccount

from .conftest import at, days


def organisation(name, inn):
    account = get_user_model().objects.create_user(f"{inn}@example.ru", f"{inn}@example.ru", "x")
    return Organisation.objects.create(
        name=name,
        inn=inn,
        contact_name="Иванова Мария",
        contact_position="Специалист",
        email=account.email,
        account=account,
        language="ru",
        consent_at=timezone.now(),
        status=Status.APPROVED,
    )


def registrations(fair, count):
    made = []
    for n in range(count):
        user = get_user_model().objects.create_user(f"racer{n}@example.ru", f"racer{n}@example.ru", "x")
        student = StudentAccount.objects.create(
            full_name=f"Гонщик {n}",
            birth_date="2006-01-02",
            occupation="graduate",
            email=user.email,
            account=user,
            status="confirmed",
            consent_at=timezone.now(),
        )
        Consent.objects.create(student=student, version=consent.CURRENT, digest=consent.digest())
        made.append(Registration.objects.create(fair=fair, student=student, language="ru"))
    return made


def race(calls):
    """Run each (slot id, registration) booking in a thread of its own at the same moment; the outcomes."""
    start, outcomes = threading.Barrier(len(calls)), []

    def book(slot_id, registration):
        try:
            start.wait()
            visits.book(slot_id, registration)
            outcomes.append("booked")
        except visits.Refused as refused:
            outcomes.append(str(refused.message))
        except Exception as error:  # any other failure is what the test reports
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_bookings_never_exceed_the_capacity_nor_give_one_person_two_at_once(site_tree):
    require_service("PostgreSQL", "DATABASE_URL", "concurrent bookings need row locks")
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    home, _english = site_tree
    fair = FairPage(title="Гоночная ярмарка", slug="gonka", starts_on=days(9), ends_on=days(9), venue="Хабаровск")
    home.add_child(instance=fair)
    booths = [
        Booth.objects.create(fair=fair, organisation=organisation(f"ООО «{n}»", f"77000000{n:02d}"), status="accepted")
        for n in range(2)
    ]
    full = InterviewSlot.objects.create(booth=booths[0], starts_at=at(fair.starts_on, 10), capacity=3)
    racers = registrations(fair, 6)
    outcomes = race([(full.pk, registration) for registration in racers])
    assert outcomes.count("booked") == 3, outcomes
    assert all("места заняты" in outcome for outcome in outcomes if outcome != "booked"), outcomes
    assert SlotBooking.objects.filter(slot=full).count() == 3
    # One visitor, two employers at the same time, two clicks at once: one interview.
    first = InterviewSlot.objects.create(booth=booths[0], starts_at=at(fair.starts_on, 12), capacity=5)
    second = InterviewSlot.objects.create(booth=booths[1], starts_at=at(fair.starts_on, 12, 15), capacity=5)
    alone = racers[-1]
    outcomes = race([(first.pk, alone), (second.pk, alone)])
    assert outcomes.count("booked") == 1, outcomes
    assert SlotBooking.objects.filter(registration=alone, slot__in=[first, second]).count() == 1
