"""Run by test_translatable_rows in a process of its own, on an empty SQLite file given as the argument (migrating
the suite's own database back and forth would leave it unusable for the tests after): migrate forward only to the
rows with two name columns (and what they depend on), forwards to the rows with one name and back again; print the
rows at each step (JSON)."""

import json
import os
import sys

os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from portal.tests.scenario_migrations import migrate_to  # noqa: E402

BEFORE = [("atlas", "0003_abilympics_competence"), ("portal", "0005_import_job")]
# The data migrations (atlas 0005, portal 0007) and the migrations that drop the two columns after them.
AFTER = [("atlas", "0006_school_subject_one_name"), ("portal", "0008_audience_one_name")]
MODELS = [("atlas", "SchoolSubject", "code"), ("portal", "Audience", "slug")]


def two_column_rows(apps):
    return {
        model: {
            str(row.pk): [getattr(row, key), row.name_ru, row.name_en]
            for row in apps.get_model(app, model).objects.all()
        }
        for app, model, key in MODELS
    }


def translatable_rows(apps):
    return {
        model: [
            [str(row.pk), row.locale.language_code, str(row.translation_key), getattr(row, key), row.name]
            for row in apps.get_model(app, model).objects.select_related("locale").order_by("pk")
        ]
        for app, model, key in MODELS
    }


apps = migrate_to(BEFORE)
apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")
before = two_column_rows(apps)
after = translatable_rows(migrate_to(AFTER))
back = two_column_rows(migrate_to(BEFORE))
print(json.dumps({"before": before, "after": after, "back": back}))
