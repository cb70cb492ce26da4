"""Another process holds SQLite's write lock (an import, a worker, a backup): pages, the search and document
downloads still answer at once; what they would have written (the query log, the download count) is lost
with a warning, never turned into a 500. Two writers at once queue for the lock instead of failing."""

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from django.db import connection, connections, transaction
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model

from home.factories import ContentPageFactory
from portal.models import DocumentDownload

# Transactional: the lock is taken by a second connection, which sees only committed rows. serialized_rollback
# brings back the rows migrations create (the root page), which the flush after each test removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def on_sqlite_file():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    return connection.settings_dict["NAME"]


@contextmanager
def write_lock_held(path):
    """A second connection to the same file holds the write lock until the block ends."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE wagtailcore_site SET site_name = site_name")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_pages_search_and_downloads_answer_while_the_database_is_locked(client, site_tree, on_sqlite_file, caplog):
    home, _ = site_tree
    page = ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    document = get_document_model().objects.create(title="Памятка лесничего")
    document.file.save("pamyatka.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    addresses = [home.url, page.url, "/search/?q=лесничий", document.url]
    assert client.get(home.url).status_code == 200  # a running site: its settings row exists already

    with write_lock_held(on_sqlite_file), caplog.at_level(logging.WARNING, logger="portal.best_effort"):
        started = time.monotonic()
        statuses = [client.get(address).status_code for address in addresses]
        elapsed = time.monotonic() - started
    assert statuses == [200, 200, 200, 200]
    assert elapsed < 5, f"the pages waited {elapsed:.1f} s for the lock"  # the busy timeout alone is 20 s
    lost = {r.getMessage().split(" not recorded")[0] for r in caplog.records if r.name == "portal.best_effort"}
    assert lost - {"Search query log pruning"} == {"Download count", "Search query log"}  # pruning: once an hour
    assert not DocumentDownload.objects.exists() and not Query.objects.exists()

    # Once the lock is released, the same requests are counted again.
    assert client.get("/search/?q=лесничий").status_code == 200
    assert client.get(document.url).status_code == 200
    assert DocumentDownload.objects.get().count == 1
    assert Query.objects.get().daily_hits.get().hits == 1


def test_two_writers_at_once_queue_for_the_lock(site_tree, on_sqlite_file):
    """Each writer reads, then writes, in one transaction, as an import does. With SQLite's default deferred
    transactions one of them fails with «database is locked» (its read lock cannot be upgraded while the other
    writes); with IMMEDIATE transactions the second waits on the busy timeout and both succeed."""
    home, _ = site_tree
    errors = []
    start = threading.Barrier(2)

    def write(title):
        try:
            start.wait()
            for n in range(20):
                with transaction.atomic():
                    known = home.get_children().count()
                    time.sleep(0.005)  # the other writer gets its turn between the read and the write
                    home.add_child(instance=ContentPageFactory.build(title=f"{title} {n} {known}"))
        except Exception as error:  # any failure is what the test reports
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("Первый", "Второй")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert home.get_children().count() == 40
