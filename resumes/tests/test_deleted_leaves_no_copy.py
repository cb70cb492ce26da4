"""A copy of the SQLite file made after an account is deleted holds nothing of it: the portal's connections overwrite
deleted rows (PRAGMA secure_delete), and the write-ahead log is folded back into the file by a checkpoint."""

import shutil
import sqlite3

import pytest
from django.conf import settings


def test_a_copy_made_after_a_deletion_holds_none_of_the_deleted_row(tmp_path):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the scaled tier's backups are pg_dump's, which copy live rows only")
    database = tmp_path / "portal.sqlite3"

    def copy_after_deleting(init_command):
        database.unlink(missing_ok=True)
        connection = sqlite3.connect(database)
        for command in filter(None, (part.strip() for part in init_command.split(";"))):
            connection.execute(command)
        connection.execute("CREATE TABLE resume (id INTEGER PRIMARY KEY, phone TEXT, about TEXT)")
        for number in range(50):
            connection.execute(
                "INSERT INTO resume (phone, about) VALUES (?, ?)", (f"+7 900 000-{number:04d}", "x" * 300)
            )
        connection.commit()
        connection.execute("DELETE FROM resume WHERE phone = '+7 900 000-0007'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        copy = tmp_path / "backup.sqlite3"
        shutil.copyfile(database, copy)
        connection.close()
        return copy.read_bytes()

    # The trap the setting closes (some builds of SQLite default to it; Debian's Python has it on by default).
    assert b"+7 900 000-0007" in copy_after_deleting("PRAGMA journal_mode=WAL; PRAGMA secure_delete=OFF")
    kept = copy_after_deleting(options["init_command"])
    assert b"+7 900 000-0007" not in kept and b"+7 900 000-0008" in kept


@pytest.mark.django_db
def test_the_portals_connections_overwrite_deleted_rows():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the scaled tier's backups are pg_dump's, which copy live rows only")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA secure_delete").fetchone() == (1,)
