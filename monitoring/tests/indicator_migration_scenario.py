"""Run by test_indicator_migration in a process of its own, on an empty SQLite file given as the argument: migrate
forward only to before indicators were translatable (and what that depends on), make two-column rows with targets,
an observation and a report link, migrate forward to the translatable indicators, print what became of them, migrate
back and print that too (JSON)."""

import json
import os
import sys

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from portal.tests.scenario_migrations import migrate_to  # noqa: E402

BEFORE, AFTER = ("monitoring", "0004_one_current_observation"), ("monitoring", "0008_translatable_indicators_columns")


apps = migrate_to([BEFORE])
Direction, Indicator = apps.get_model("monitoring", "MonitoringDirection"), apps.get_model("monitoring", "Indicator")
direction = Direction.objects.create(number=1, name_ru="Мониторинг предпочтений", name_en="Monitoring of preferences")
shares = Indicator.objects.create(
    number=1,
    name_ru="Доля прошедших диагностику",
    name_en="Share who took a diagnostic",
    share_of_ru="от общего количества обучающихся",
    share_of_en="of all students",
    sources="мониторинг",
    direction=direction,
)
contests = Indicator.objects.create(number=10, name_ru="Количество конкурсов", unit="count")
apps.get_model("monitoring", "IndicatorTarget").objects.create(indicator=shares, year=2022, value=20)
observation = apps.get_model("monitoring", "Observation").objects.create(
    indicator=contests, year=2022, numerator=3, value=3
)


def rows(apps, model_name, fields):
    return list(apps.get_model("monitoring", model_name).objects.order_by("pk").values(*fields))


apps = migrate_to([AFTER])
forward = {
    "indicators": rows(
        apps,
        "Indicator",
        [
            "pk",
            "number",
            "name",
            "share_of",
            "sources",
            "unit",
            "direction_id",
            "locale__language_code",
            "translation_key",
        ],
    ),
    "directions": rows(
        apps, "MonitoringDirection", ["pk", "number", "name", "locale__language_code", "translation_key"]
    ),
    "targets": rows(apps, "IndicatorTarget", ["indicator_id", "year"]),
    "observation": apps.get_model("monitoring", "Observation").objects.get(pk=observation.pk).indicator_id,
}
apps = migrate_to([BEFORE])
back = {
    "indicators": rows(apps, "Indicator", ["pk", "number", "name_ru", "name_en", "share_of_ru", "share_of_en"]),
    "directions": rows(apps, "MonitoringDirection", ["pk", "number", "name_ru", "name_en"]),
    "targets": rows(apps, "IndicatorTarget", ["indicator_id", "year"]),
}
print(
    json.dumps(
        {
            "ids": {"shares": shares.pk, "contests": contests.pk, "direction": direction.pk},
            "forward": forward,
            "back": back,
        },
        default=str,
    )
)
