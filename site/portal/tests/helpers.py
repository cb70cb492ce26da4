"""Helpers the apps' tests share."""

import re
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from portal.page_cache import HEADER

# Names a spreadsheet would take for formulas: each beginning Excel, LibreOffice or Google Sheets reads as one
# (a tab or a carriage return before it is skipped by some of them).
FORMULA_LIKE = ['=HYPERLINK("http://evil.example","x")', "+7 914 000", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]
# The same as a workbook gives them back: XML reads a carriage return as a line feed.
FORMULA_LIKE_IN_XLSX = [name.replace("\r", "\n") for name in FORMULA_LIKE]


def queries_for(client, url):
    """The number of SQL queries a second GET of ``url`` makes (the first warms the caches a running site
    has: site root, content types) when it is built, not taken from the page cache; the page must answer 200.
    A search's count goes to the query log with the process's next write, once a minute (search/query_log.py),
    not with the page: as in production, none is due during the test."""
    client.get(url)
    no_log_write = override_settings(PAGE_CACHE_SECONDS=0, SEARCH_LOG_FLUSH_SECONDS=10**9)
    with no_log_write, CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)


# The most SQL queries a public page may cost uncached (portal.lookups keeps the per-request look-ups out of it).
MAX_PAGE_QUERIES = 15


def assert_few_constant_queries(client, urls, grow, most=None):
    """Each of ``urls`` costs at most MAX_PAGE_QUERIES queries (or ``most``: {url: its own limit}, for a page that
    gathers many apps' sections), and exactly as many after ``grow()`` added rows of what the pages list (returns the
    counts)."""
    before = {url: queries_for(client, url) for url in urls}
    limits = {url: (most or {}).get(url, MAX_PAGE_QUERIES) for url in urls}
    too_many = {url: count for url, count in before.items() if count > limits[url]}
    assert not too_many, f"more queries than allowed {limits}: {too_many}"
    grow()
    after = {url: queries_for(client, url) for url in urls}
    grown = {url: f"{before[url]} -> {count}" for url, count in after.items() if count != before[url]}
    assert not grown, f"queries grew with the content: {grown}"
    return before


def run_worker(backend="long", **options):
    """Run a background queue as `manage.py db_worker --backend long --batch` does, until nothing is left in it.

    In the test's own connection: the worker's `close_old_connections()` between tasks would close it (inside the
    test's transaction on PostgreSQL), so it is held off here, as Django's test client holds it off for requests."""
    from unittest import mock

    from django.core.management import call_command

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--backend", backend, batch=True, startup_delay=False, reload=False, verbosity=0, **options
        )


def download(client, url, **extra):
    """A built file (PDF, archive) as a visitor gets it: the first request finds it being prepared and queues it,
    the worker builds it, the next request is served the file."""
    first = client.get(url, **extra)
    assert first.status_code == 202, f"{url} answered {first.status_code} before the file was built"
    assert int(first["Retry-After"]) > 0
    run_worker()
    response = client.get(url, **extra)
    assert response.status_code == 200, f"{url} answered {response.status_code} after the worker ran"
    response.body = b"".join(response.streaming_content)  # a file response streams from storage
    return response


def admin_import(client, url, data, *, write=False):
    """An import through the admin as an editor makes it: the upload is queued, the worker checks it and the job
    page shows the report; with ``write``, the editor confirms and the worker writes. Returns the last page (the
    form itself when the upload was refused before any work began)."""
    response = client.post(url, data)
    if response.status_code != 302:
        return response
    job_url = response["Location"]
    run_worker()
    page = client.get(job_url)
    if write and client.post(job_url + "write/").status_code == 302:
        run_worker()
        page = client.get(job_url)
    return page


def xlsx_bytes(rows):
    """An XLSX workbook whose first sheet holds ``rows``, as bytes (an upload, an import)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_scenario(script, database_path, *, migrated=True):
    """Run ``script`` (a test scenario beside its test) in a process of its own on a fresh SQLite file, for what
    would leave the suite's own database unusable; returns the JSON it prints last. The file starts as a copy of
    a fully migrated one, so a ``migrate`` to the end finds nothing to do; or, with ``migrated=False``, empty, for a
    migration scenario that migrates forward only as far as its check needs (``executor.migrate(targets)`` on an
    empty file applies the targets and what they depend on: a hundred-odd migrations instead of unapplying dozens
    from the end, where each unapplied one costs a copy of the whole project state)."""
    import json
    import shutil
    import subprocess
    import sys

    if migrated:
        shutil.copyfile(migrated_sqlite_template(), database_path)
    done = subprocess.run(  # noqa: S603 - our own script, with a path we made
        [sys.executable, str(script), str(database_path)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=SITE.parent,
        env=scenario_environment(),
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


SITE = Path(__file__).resolve().parents[2]
_template = {}


def scenario_environment(**extra):
    """The scenarios' environment: the embedded tier whatever the pass (no search engine, shared cache or mail
    server of the scaled one, which a scenario's pages would otherwise write to), the project on the path."""
    import os

    scaled = {"DATABASE_URL", "OPENSEARCH_URL", "CACHE_URL", "EMAIL_URL"}
    environment = {name: value for name, value in os.environ.items() if name not in scaled}
    return {**environment, "PYTHONPATH": f"{SITE.parent}:{SITE}", **extra}


def migrated_sqlite_template():
    """A SQLite file migrated to the end, made once per test process: migrating from nothing takes a minute and a
    half of CPU, and each of the scenarios needed it."""
    import atexit
    import shutil
    import sqlite3
    import subprocess
    import sys
    import tempfile

    if "path" not in _template:
        folder = Path(tempfile.mkdtemp(prefix="portal-scenarios-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "migrated.sqlite3"
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, str(SITE.parent / "manage.py"), "migrate", "--noinput", "-v0"],
            cwd=SITE.parent,
            env=scenario_environment(DATABASE_URL=f"sqlite:///{path}", DJANGO_SETTINGS_MODULE="portal.settings.test"),
            check=True,
            timeout=600,
        )
        # The database is in WAL mode: fold the log into the file before it is copied alone.
        with sqlite3.connect(path) as database:
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        _template["path"] = path
    return _template["path"]


def served_twice(client, url, **extra):
    """GET ``url`` twice as the client is: the first answer builds and stores the page, the second comes from the
    page cache without a single SQL query and with the same body. Returns the second answer."""
    first = client.get(url, **extra)
    assert first.status_code == 200, f"{url} answered {first.status_code}"
    assert first[HEADER] == "miss", f"{url} was not stored ({first.get('Cache-Control')})"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, **extra)
    assert second[HEADER] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]
    assert second.content == first.content
    return second


def not_cached(client, url, **extra):
    """GET ``url`` twice: neither answer is stored or taken from the page cache. Returns the second."""
    for _ in range(2):
        response = client.get(url, **extra)
        assert HEADER not in response, f"{url}: {response[HEADER]}"
    return response


def picture_parts(html):
    """The attributes of the <source> tags and of the <img> of the first <picture> in ``html``."""
    picture = re.search(r"<picture>(.*?)</picture>", html, re.S).group(1)
    sources = [dict(re.findall(r'([a-z-]+)="([^"]*)"', tag)) for tag in re.findall(r"<source [^>]+>", picture)]
    (img,) = [dict(re.findall(r'([a-z-]+)="([^"]*)"', tag)) for tag in re.findall(r"<img [^>]+>", picture)]
    return sources, img


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def link_in(message):
    """The confirmation link of an account request's letter."""
    return re.search(r"https?://\S+/podtverzhdenie/\S+/", message.body).group(0)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def request_sender(client, register_url, request_data, model):
    """``send(**changed)`` for an app's account requests: posts the form of ``register_url`` with
    ``request_data(**changed)``, asserts it is accepted with one letter, and returns the ``model`` instance written
    and the confirmation link of the letter."""
    from django.core import mail

    def send(**changed):
        before = len(mail.outbox)
        response = client.post(register_url, request_data(**changed))
        assert response.status_code == 302, response.content.decode()[:3000]
        assert len(mail.outbox) == before + 1
        return model.objects.get(email=request_data(**changed)["email"]), link_in(mail.outbox[-1])

    return send


def request_confirmer(client, send):
    """``make(**changed)``: a request sent with ``send`` whose confirmation link has been opened (200)."""

    def make(**changed):
        account_request, link = send(**changed)
        assert client.get(path_of(link)).status_code == 200
        account_request.refresh_from_db()
        return account_request

    return make
