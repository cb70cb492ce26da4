"""The seeded site for the browser tests of this folder."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def site_server(django_db_setup, django_db_blocker):
    """The seeded site, served by a live server in a thread: loaded once per test module (seeding takes longer
    than most tests) inside a transaction rolled back after the module, as Django's TestCase.setUpTestData does.
    Each test's own transaction (``django_db``, not transactional) nests in it, and the live server's thread shares
    the test's in-memory SQLite connection, so it sees all of it: these tests run on the embedded tier (.ci/run
    leaves the browser tests out of the scaled pass)."""
    from django.db import transaction
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        seeded = transaction.atomic()
        seeded.__enter__()
        try:
            call_command("load_seed", "--no-index", verbosity=0)
            server = LiveServer("localhost")
            yield server
            server.stop()
        finally:
            transaction.set_rollback(True)
            seeded.__exit__(None, None, None)
