"""Run by test_observation_races in a process of its own, on an empty SQLite file given as the argument: migrate
forward only to before the one-current-observation constraint (and what that depends on), make duplicates, migrate
to the constraint, print what stayed current (JSON). Migrating back and forth in the test suite's own database would
leave it unusable for the tests that follow (its tables rebuilt, its content types flushed)."""

import json
import os
import sys

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from portal.tests.scenario_migrations import migrate_to  # noqa: E402

before, after = ("monitoring", "0002_observation_origin"), ("monitoring", "0004_one_current_observation")
old_apps = migrate_to([before])  # no constraint yet: duplicates can exist (on the empty file: forwards, nothing else)
OldObservation = old_apps.get_model("monitoring", "Observation")
indicator = old_apps.get_model("monitoring", "Indicator").objects.create(number=3, name_ru="Участники")
rows = [
    OldObservation.objects.create(indicator=indicator, year=2023, numerator=n, value=n, is_current=True)
    for n in (1, 2, 3)
]
single = OldObservation.objects.create(indicator=indicator, year=2024, numerator=5, value=5, is_current=True)
migrate_to([after])

from monitoring.models import Observation  # noqa: E402

print(
    json.dumps(
        {
            "rows": [row.pk for row in rows],
            "single": single.pk,
            "current": sorted(Observation.objects.filter(is_current=True).values_list("pk", flat=True)),
            "history": [o.pk for o in Observation.objects.get(pk=rows[-1].pk).history()],
        }
    )
)
