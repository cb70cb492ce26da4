"""The migrations that made school subjects and audiences translatable snippets: back to the rows with two name
columns, forwards again and back again, in a process of its own on an empty SQLite file
(translatable_rows_scenario.py). The rows keep their primary keys and names; the English names become translations
where the English locale exists, and return to their column backwards."""

from pathlib import Path

import pytest

from portal.tests.helpers import run_scenario


@pytest.mark.sqlite_scenario
def test_the_rows_become_originals_and_english_translations_and_back(tmp_path):
    result = run_scenario(
        Path(__file__).with_name("translatable_rows_scenario.py"), tmp_path / "db.sqlite3", migrated=False
    )
    before, after = result["before"], result["after"]
    assert len(before["SchoolSubject"]) == 14 and len(before["Audience"]) == 6
    for model in ("SchoolSubject", "Audience"):
        originals = {pk: row for pk, language, *row in after[model] if language == "ru"}
        # The same rows, with the same keys, as the originals.
        assert {pk: (key, name) for pk, (_tk, key, name) in originals.items()} == {
            pk: (key, ru) for pk, (key, ru, _en) in before[model].items()
        }
        english = {tk: (key, name) for _pk, language, tk, key, name in after[model] if language == "en"}
        assert len(english) == len(originals)
        for pk, (translation_key, _key, _name) in originals.items():
            assert english[translation_key] == (before[model][pk][0], before[model][pk][2])
    assert result["back"] == before
