"""Writes made while a visitor views a page — the search query log, download counts — are worth having, but
never worth a failed or stalled page. ``best_effort`` runs them in their own transaction (a savepoint inside an
outer one, so a failure leaves that transaction usable), waits at most ``LOCK_WAIT_MS`` for SQLite's write lock
instead of the usual busy timeout, and turns a database error into a logged warning."""

import logging
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

logger = logging.getLogger(__name__)

LOCK_WAIT_MS = 250


def best_effort(what, write, *args, using=DEFAULT_DB_ALIAS):
    """``write(*args)``, or a warning that ``what`` was lost: ``best_effort("Download count", record, ids)``."""
    try:
        with _short_lock_wait(connections[using]), transaction.atomic(using=using):
            write(*args)
    except DatabaseError as error:
        logger.warning("%s not recorded: %s", what, error)


@contextmanager
def _short_lock_wait(connection):
    if connection.vendor != "sqlite":
        yield
        return
    usual = int(connection.settings_dict["OPTIONS"].get("timeout", 5) * 1000)  # sqlite3's default: 5 s
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")
