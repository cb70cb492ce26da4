"""Shared test fixtures: the services the suite may run against, and a minimal site tree.

Service tests skip with a reason when their service is not configured, and fail instead when the
``CI`` environment variable is set: CI must never pass by skipping what it was meant to prove.
"""

import os
import shutil
import socket
import threading

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(message):
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run this test", pytrace=False)
    pytest.skip(message)


def require_service(name, env_var, reason, *, scheme=""):
    """Skip (locally) or fail (in CI) unless ``env_var`` names the service (with a URL of ``scheme``, when given:
    CACHE_URL may name a cache that is not Redis)."""
    value = os.environ.get(env_var, "")
    if value and value.startswith(scheme):
        return value
    _missing(f"{name} not configured: set {env_var}{f'={scheme}…' if scheme else ''} ({reason})")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright drives Debian's Chromium: a browser download is impossible on these machines."""
    path = shutil.which("chromium")
    if not path:
        _missing("Chromium not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def one_rate_limit_window(monkeypatch):
    """django-ratelimit counts in fixed windows (a «20 in 10 minutes» count starts again at each window's edge), so a
    test that sends a limit's worth of requests across an edge saw its count restart and more requests pass (it
    happened in CI). Its clock stands still during each test; the other processes of a test keep the real one."""
    import time
    from types import SimpleNamespace

    import django_ratelimit.core

    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Every test starts with empty shared, page and local caches: rate-limit counts, the search circuit breaker,
    the content version and the stored pages live there, and nothing rolls them back with the database after
    another test. The content version starts again at 1 in the emptied shared cache, so pages and look-ups a
    previous test cached under 1 would otherwise be served to this one."""
    from django.core.cache import caches

    caches["shared"].clear()
    caches["pages"].clear()
    caches["default"].clear()


@pytest.fixture(autouse=True)
def no_pending_search_counts():
    """Searches counted in memory by an earlier test (search/query_log.py) are not written into this one's log."""
    from search import query_log

    query_log.discard_pending()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Russian, the site's default: a request a previous test made under /en/ leaves English
    active in the thread (LocaleMiddleware activates the language of each request and never puts it back)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def page_cache(settings):
    """The page cache and the fragment cache on, as in production (the test settings turn them off, see
    portal.settings.test). Changes must be made as they commit (``django_capture_on_commit_callbacks(execute=True)``)
    to move the content version."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_MAX_AGE = 120
    settings.FRAGMENT_CACHE_SECONDS = 600


# Every document the browser opens (frames too) reports its Content-Security-Policy violations to the console, where
# the ``page`` fixture below collects them with Chromium's own «Refused to …» messages.
REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
    `Content Security Policy violation: ${event.effectiveDirective} refused ${event.blockedURI || "an inline"} ` +
    `in ${event.sourceFile || event.documentURI}:${event.lineNumber}`
));
"""
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Permissions policy")


@pytest.fixture
def policy_violations():
    """What the browser refused under the policy headers during a test, as console lines."""
    return []


@pytest.fixture
def page(page, policy_violations):
    """pytest-playwright's page, which fails the test when the browser refused anything under the portal's
    Content-Security-Policy (a script, style, image, frame or inline code) or found its Permissions-Policy wrong."""

    def on_console(message):
        if message.type in ("error", "warning") and any(word in message.text for word in POLICY_WORDS):
            policy_violations.append(f"{page.url}: {message.text}")

    page.add_init_script(REPORT_POLICY_VIOLATIONS)
    page.on("console", on_console)
    yield page
    assert not policy_violations, "The browser refused content under the policy headers:\n" + "\n".join(
        policy_violations
    )


@pytest.fixture(scope="session", autouse=True)
def search_index(django_db_setup, django_db_blocker):
    """On OpenSearch, create the index with the project's Russian analysis before any test writes to it
    (otherwise the first write would create it with default settings)."""
    from django.conf import settings

    if settings.OPENSEARCH_URL:
        from django.core.management import call_command

        with django_db_blocker.unblock():
            call_command("update_index", verbosity=0)
    yield


# The seeded site: media_seed/ loaded by ``load_seed`` once per test session (per xdist worker), in a transaction
# that stays open until the session ends and is then rolled back. Seeding takes longer than most test files, so
# the tests that need it share it, each in a transaction of its own nested in it (``db``: a savepoint), and run
# last, after every test that expects an empty database (pytest_collection_modifyitems below).
SEEDED = "seeded_site"
seed_transaction = {"open": False}


@pytest.fixture(scope="session")
def seeded_site(django_db_setup, django_db_blocker):
    """The demo site of media_seed/, for tests that also ask for ``db`` (or ``django_db``, not transactional).
    They must not commit, flush or reseed it for the others: each test's changes roll back with its savepoint.
    On SQLite the live server (tests/conftest.py: site_server) shares this connection and sees the same data."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    with django_db_blocker.unblock():
        if settings.OPENSEARCH_URL:
            forget_indexed_pages()  # earlier tests' rolled-back pages: the index then holds the seed alone
        # A transactional test with serialized_rollback leaves the database empty when it ends (Django restores
        # the migrated state at the start of the next such test): restore it here, as Django would.
        connection = connections[DEFAULT_DB_ALIAS]
        if not ContentType.objects.exists() and getattr(connection, "_test_serialized_contents", None):
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()  # a flush gives content types new ids
        seeded = transaction.atomic()
        seeded.__enter__()
        seed_transaction["open"] = True
        try:
            call_command("load_seed", "--no-index", verbosity=0)
            # The seed indexes nothing as it saves (portal.bulk_indexing): its entries, written in bulk, here.
            call_command("update_index", verbosity=0)
        except BaseException:
            rollback(seeded)
            raise
        seeded_connection = connections[DEFAULT_DB_ALIAS]
    # Django keeps a connection per context (asgiref's Local), and pytest-playwright's fixtures run the browser
    # tests' fixtures in a context of their own, where a fresh connection would not see the seed (on SQLite its
    # uncommitted writes even lock the tables): those fixtures take this one (tests/conftest.py: site_server).
    yield seeded_connection
    with django_db_blocker.unblock():
        connections[DEFAULT_DB_ALIAS] = seeded_connection  # the teardown may run in another context too
        rollback(seeded)


def rollback(seeded):
    from django.db import transaction

    seed_transaction["open"] = False
    transaction.set_rollback(True)
    seeded.__exit__(None, None, None)


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering (tryfirst): database tests, transactional, others
def pytest_collection_modifyitems(items):
    """The tests on the seeded site last, in their order: the seed stays until the session ends. A transactional
    test must restore what the migrations wrote (``serialized_rollback=True``): Django empties every table after
    it, and the tests after it would miss the root page, the questionnaire and the other rows the migrations make."""
    emptying = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if emptying:
        raise pytest.UsageError(
            "transactional tests without serialized_rollback=True empty the database for the tests after them: "
            + ", ".join(emptying)
        )
    items.sort(key=uses_the_seed)


def uses_the_seed(item):
    return SEEDED in getattr(item, "fixturenames", ())


@pytest.fixture(autouse=True)
def only_seeded_tests_see_the_seed(request):
    """Fails a test that does not ask for the seeded site but would run on it (one ordered wrongly, e.g. by a
    plugin that reorders tests): it expects an empty database."""
    if seed_transaction["open"] and not uses_the_seed(request.node):
        pytest.fail(
            f"{request.node.nodeid} runs inside the seeded site's transaction without asking for {SEEDED}",
            pytrace=False,
        )


@pytest.fixture
def site_tree(db):
    """Locales ru/en, a Russian home page as the default site's root, and its English translation."""
    from home.factories import make_site_tree

    return make_site_tree()


def forget_indexed(*models):
    """Delete every document of ``models`` from OpenSearch (nothing on the database backend). The index is
    refreshed first: delete_by_query only sees what a refresh has made searchable, so a document another test
    indexed a moment ago would survive the delete and turn up in the next count."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if hasattr(backend, "es"):
        backend.refresh_indexes()
        for model in models:
            backend.es.delete_by_query(
                index=backend.get_index_for_model(model).name,
                body={"query": {"match_all": {}}},
                params={"refresh": "true", "conflicts": "proceed"},
            )


def refresh_index():
    """Make what was just indexed searchable (OpenSearch refreshes each second by itself)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if hasattr(backend, "es"):
        backend.refresh_indexes()


def forget_indexed_pages():
    """Rolled-back tests leave their pages (and atlas records) in OpenSearch, and on PostgreSQL ids are not
    reused, so the stale documents pile up and can fill the first page of results or the counts. A test that
    looks at results calls this before creating its objects. (Deleted objects leave the index in production;
    only rollbacks leave them.)"""
    from wagtail.models import Page

    from atlas.models import EducationalOrganization, Employer, MunicipalDistrict, Sector

    forget_indexed(Page, Employer, EducationalOrganization, Sector, MunicipalDistrict)


def index_the_database_alone():
    """On OpenSearch, rebuild the index from the database as the test sees it, leaving out what rolled-back tests
    left there (see forget_indexed_pages): for a test on the seeded site, which it cannot build again."""
    from django.conf import settings
    from django.core.management import call_command

    if settings.OPENSEARCH_URL:
        call_command("update_index", "--backend", "default", verbosity=0)


_indexed_modules = set()


@pytest.fixture
def seeded_index(request, seeded_site, db):
    """The seeded site's index, rebuilt once per test module on OpenSearch (see index_the_database_alone), then
    refreshed for each test."""
    from wagtail.search.backends import get_search_backend

    if request.module.__name__ not in _indexed_modules:
        index_the_database_alone()
        _indexed_modules.add(request.module.__name__)
    get_search_backend().refresh_indexes()


class SilentServer:
    """A TCP server that accepts connections and never answers, as a hung OpenSearch does; it counts the
    connections made to it."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=50)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)  # kept open, never answered

    def close(self):
        self.socket.close()
        for connection in self.connections:
            connection.close()


def closed_port_url():
    """The address of a port nobody listens on: connections are refused at once, as with OpenSearch down."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def search_at(settings):
    """``search_at(url)`` points the default search backend at an OpenSearch at ``url``, with the database
    backend as its fallback, as the scaled tier is configured. The caches start empty: the circuit breaker is
    closed and no retry of index updates is known to be queued."""
    from django.core.cache import caches

    from portal.search_settings import opensearch_backend

    def point(url):
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {**opensearch_backend(url, "portal-test-outage"), "AUTO_UPDATE": True},
            "database": settings.DATABASE_SEARCH_BACKEND,
        }
        clear_caches(caches)

    yield point
    clear_caches(caches)


def clear_caches(caches):
    caches["default"].clear()
    caches["shared"].clear()


@pytest.fixture(params=["down", "hanging"])
def outage(request):
    """An OpenSearch that is down (connection refused) or hanging (accepts, never answers). ``url``; and
    ``connections``, how many connections reached it (None when down: nothing can be counted)."""

    class Outage:
        kind = request.param

    if request.param == "down":
        Outage.url, Outage.connections = closed_port_url(), lambda: None
        yield Outage
    else:
        server = SilentServer()
        Outage.url, Outage.connections = server.url, lambda: len(server.connections)
        yield Outage
        server.close()


def survives_outage(outage, get):
    """Call ``get()`` (a request that searches) twice during ``outage``: each answers 200, the first within
    a bound far below the old 10 s timeout × retries, and opens the breaker, so that the second does not touch
    OpenSearch at all. Returns both responses."""
    import time

    from portal import search_engine

    started = time.monotonic()
    first = get()
    elapsed = time.monotonic() - started
    assert first.status_code == 200
    assert elapsed < 5, f"a search waited {elapsed:.1f} s for OpenSearch"
    assert not search_engine.is_available()  # the breaker is open
    if outage.kind == "hanging":
        assert outage.connections() == 1  # one try, no retries
    second = get()
    assert second.status_code == 200
    if outage.kind == "hanging":
        assert outage.connections() == 1  # the breaker kept the second search away from OpenSearch
    return first, second


@pytest.fixture
def smtp_server(settings):
    """The SMTP server of EMAIL_URL as the portal's mail backend (.ci/smtp/start.sh: aiosmtpd writing a Maildir);
    the Maildir it writes to."""
    import mailbox

    import environ

    url = require_service("The SMTP server", "EMAIL_URL", "bash .ci/smtp/start.sh 8026", scheme="smtp://")
    maildir = require_service("Its Maildir", "SMTP_MAILDIR", "printed by .ci/smtp/start.sh")
    for name, value in environ.Env.email_url_config(url).items():
        if value not in (None, ""):
            setattr(settings, name, value)
    return mailbox.Maildir(maildir, create=False)


def received(maildir, address):
    """The letters to ``address`` in the ``smtp_server`` fixture's Maildir."""
    return [message for message in maildir if message["To"] == address]
