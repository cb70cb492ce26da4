"""The migrations that made school subjects and audiences translatable snippets, run on the test database: back to
the rows with two name columns, forwards again and back again. The rows keep their primary keys and names; the
English names become translations where the English locale exists, and return to their column backwards."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

BEFORE = [("atlas", "0003_abilympics_competence"), ("portal", "0005_import_job")]
MODELS = [("atlas", "SchoolSubject", "code"), ("portal", "Audience", "slug")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    if targets == "latest":
        targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] in {"atlas", "portal"}]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def two_column_rows(apps):
    return {
        model: {
            row.pk: (getattr(row, key), row.name_ru, row.name_en) for row in apps.get_model(app, model).objects.all()
        }
        for app, model, key in MODELS
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rows_become_originals_and_english_translations_and_back():
    Locale.objects.get_or_create(language_code="ru")
    Locale.objects.get_or_create(language_code="en")
    old = migrate(BEFORE)
    before = two_column_rows(old)
    assert len(before["SchoolSubject"]) == 14 and len(before["Audience"]) == 6

    new = migrate("latest")
    for app, model, key in MODELS:
        rows = new.get_model(app, model).objects.select_related("locale")
        originals = {row.pk: row for row in rows if row.locale.language_code == "ru"}
        # The same rows, with the same keys, as the originals.
        assert {pk: (getattr(row, key), row.name) for pk, row in originals.items()} == {
            pk: (code, ru) for pk, (code, ru, _en) in before[model].items()
        }
        english = {row.translation_key: row for row in rows if row.locale.language_code == "en"}
        assert len(english) == len(originals)
        for pk, original in originals.items():
            translation = english[original.translation_key]
            assert (getattr(translation, key), translation.name) == (before[model][pk][0], before[model][pk][2])

    assert two_column_rows(migrate(BEFORE)) == before
    migrate("latest")
