"""One current observation per key, held by the database: a constraint on both databases, concurrent saves
that queue on the indicator's row, and a migration that settles the duplicates left before."""

import threading
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, connections, transaction

from atlas.factories import DistrictFactory
from conftest import require_service
from monitoring.models import Indicator, Observation
from portal.tests.helpers import run_scenario


@pytest.fixture
def indicator(db):
    return Indicator.objects.create(number=3, name="Количество участников профпроб", unit=Indicator.COUNT)


@pytest.mark.parametrize("in_district", [True, False], ids=["district", "krai"])
def test_the_database_refuses_a_second_current_observation(indicator, in_district):
    district = DistrictFactory() if in_district else None
    first = Observation.objects.create(indicator=indicator, district=district, year=2023, numerator=10)
    second = Observation.objects.create(indicator=indicator, district=district, year=2023, numerator=12)
    assert list(Observation.objects.filter(is_current=True)) == [second] and second.replaces == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.filter(pk=first.pk).update(is_current=True)
    # Other keys are not affected: another year, the portal's own count, a grade band.
    Observation.objects.create(indicator=indicator, district=district, year=2024, numerator=1)
    Observation.objects.create(indicator=indicator, district=district, year=2023, numerator=1, origin="portal")
    Observation.objects.create(indicator=indicator, district=district, year=2023, numerator=1, grade_band="8-9")
    assert Observation.objects.filter(is_current=True).count() == 4


# Serialized like the migration test below: the flush after a transactional test that is not serialized would
# recreate the content types, which the next serialized test then restores a second time.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("in_district", [True, False], ids=["district", "krai"])
def test_twenty_concurrent_saves_leave_one_current_observation(in_district):
    require_service("PostgreSQL", "DATABASE_URL", "concurrent saves need row locks")
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    indicator = Indicator.objects.create(number=3, name="Количество участников профпроб", unit=Indicator.COUNT)
    district = DistrictFactory() if in_district else None
    start, errors = threading.Barrier(20), []

    def save(numerator):
        try:
            start.wait()
            Observation.objects.create(indicator=indicator, district=district, year=2023, numerator=numerator)
        except Exception as error:  # any failure is what the test reports
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    current = Observation.objects.get(is_current=True)
    assert len(current.history()) == 20  # each save replaced the one before it


@pytest.mark.sqlite_scenario
def test_the_migration_keeps_the_newest_of_duplicates_current(tmp_path):
    """In a process of its own on an empty SQLite file (migration_scenario.py): the data migration is the same on
    both databases, and migrating back and forth here would leave the suite's database unusable."""
    result = run_scenario(Path(__file__).with_name("migration_scenario.py"), tmp_path / "db.sqlite3", migrated=False)
    assert result["current"] == sorted([result["rows"][-1], result["single"]])
    assert result["history"] == list(reversed(result["rows"]))
