"""Another process holds SQLite's write lock (an import, a worker, a backup): pages, the search and document
downloads still answer at once; what they would have written (the query log, the download count) is lost
with a warning, never turned into a 500. Two writers at once queue for the lock instead of failing.

The scenario runs in a process of its own on a fresh SQLite file (``sqlite_lock_scenario``), with the site's
database settings (WAL, IMMEDIATE transactions, the busy timeout)."""

from pathlib import Path

import pytest

from portal.tests.helpers import run_scenario


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    path = tmp_path_factory.mktemp("locked") / "db.sqlite3"
    return run_scenario(Path(__file__).with_name("sqlite_lock_scenario.py"), path)


@pytest.mark.sqlite_scenario
def test_pages_search_and_downloads_answer_while_the_database_is_locked(scenario):
    assert scenario["statuses"] == [200, 200, 200, 200]  # home, a page, a search, a document
    assert scenario["elapsed"] < 5, f"the pages waited {scenario['elapsed']:.1f} s"  # the busy timeout is 20 s
    assert set(scenario["lost"]) - {"Search query log pruning"} == {"Download count", "Search query log"}
    assert scenario["counted_while_locked"] == [0, 0]
    # Once the lock is released, the same requests are counted again.
    assert scenario["after"] == [200, 200]
    assert scenario["downloads_after"] == 1 and scenario["hits_after"] == 1


@pytest.mark.sqlite_scenario
def test_two_writers_at_once_queue_for_the_lock(scenario):
    """With SQLite's default deferred transactions one writer fails with «database is locked» (its read lock
    cannot be upgraded while the other writes); with IMMEDIATE transactions the second waits and both succeed."""
    assert scenario["writer_errors"] == []
    assert scenario["pages_written"] == 40
