"""The seeded site for the browser tests of this folder."""

import pytest


@pytest.fixture(scope="module")
def site_server(seeded_site):
    """The seeded site (conftest.py: seeded_site), served by a live server in a thread. Each test's own transaction
    (``django_db``, not transactional) nests in the seed's, and the live server's thread shares the test's in-memory
    SQLite connection, so it sees all of it: these tests run on the embedded tier (.ci/run leaves the browser tests
    out of the scaled pass)."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from pytest_django.live_server_helper import LiveServer

    connections[DEFAULT_DB_ALIAS] = seeded_site  # the seeded connection, in the browser fixtures' own context
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def site(site_server):
    """The address of the live server."""
    return site_server.url
