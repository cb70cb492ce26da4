"""Concurrent bookings of the last places on PostgreSQL: teachers in threads of their own, each with its own
connection, book at the same moment; the slot's row lock lets exactly as many through as there are places."""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.utils import timezone

from atlas.factories import DistrictFactory
from conftest import require_service
from opportunities import bookings
from opportunities.models import Booking, Opportunity, OpportunitySlot
from partners.models import Organisation, Status

from .conftest import booking_fields


def excursion_with(places):
    """An approved organisation's excursion with one slot of ``places`` in a week (written without the approval's
    group and collection: only the booking is raced here)."""
    account = get_user_model().objects.create_user("org-race@example.ru", "org-race@example.ru", "x", is_active=True)
    organisation = Organisation.objects.create(
        name="ООО «Гонка»",
        inn="7700000001",
        contact_name="Иванова Мария",
        contact_position="Специалист",
        email=account.email,
        account=account,
        language="ru",
        consent_at=timezone.now(),
        status=Status.APPROVED,
    )
    district = DistrictFactory(name="Амурский район")
    opportunity = Opportunity(
        organisation=organisation,
        kind="excursion",
        title="Экскурсия на завод",
        description="<p>Цех.</p>",
        district=district,
        address="Амурск",
    )
    opportunity.slots = [
        OpportunitySlot(
            date=timezone.localdate() + datetime.timedelta(days=7),
            start=datetime.time(10),
            end=datetime.time(12),
            places=places,
        )
    ]
    opportunity.save()
    return opportunity.slots.get()


# Serialized, as monitoring's race test: the flush after a transactional test that is not serialized would leave the
# tests after it without what the migrations wrote.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("racers", "students", "places", "winners"), [(2, 10, 15, 1), (8, 5, 20, 4)])
def test_concurrent_bookings_never_exceed_the_places(racers, students, places, winners):
    require_service("PostgreSQL", "DATABASE_URL", "concurrent bookings need row locks")
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    slot = excursion_with(places)
    teachers = [get_user_model().objects.create_user(f"uchitel{n}", f"u{n}@school.example.ru") for n in range(racers)]
    fields = booking_fields(slot, students=students, students_with_disabilities=0)
    start, outcomes = threading.Barrier(racers), []

    def book(teacher):
        try:
            start.wait()
            bookings.book(slot.pk, teacher, **fields)
            outcomes.append("booked")
        except bookings.Refused as refused:
            outcomes.append(str(refused.message))
        except Exception as error:  # any other failure is what the test reports
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(teacher,)) for teacher in teachers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("booked") == winners, outcomes
    refusals = [outcome for outcome in outcomes if outcome != "booked"]
    assert all("мест" in outcome for outcome in refusals), refusals  # the clear message, not an error
    assert Booking.objects.filter(slot=slot).count() == winners
    slot.refresh_from_db()
    assert slot.places_left == places - winners * students
