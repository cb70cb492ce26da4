"""Requests per second of the public pages through gunicorn, side by side with a static file and bakerydemo.

    .venv/bin/python bench/throughput.py [--bakerydemo http://127.0.0.1:8020] [--duration 10s] [--rounds 2]
        [--uncached-by session|query] [--database-url postgres://…/bench_x] [--cache-url redis://…/n]
        [--opensearch-url http://…] [--port 8031] [--keep | --build-only | --reuse FOLDER]

Needs Debian's wrk (`apt-get install wrk`); the benchmark is not part of CI.

What it does:
1. Builds a throw-away site in a temporary folder: a SQLite database (or, with --database-url, a PostgreSQL
   database whose name must contain «bench»: it is dropped and created again), `migrate`, `collectstatic`,
   `load_seed`, `make_atlas_bench_data` up to --professions cards (1,000), and one `update_index`.
   With --cache-url the Redis database given is flushed first (use a number of your own).
2. Starts gunicorn with the production settings (portal.settings.production, DEBUG off, whitenoise) and
   --workers sync workers (2), as `.ci/run`'s «Production entry point» does.
3. Runs `wrk -t2 -c16 -d10s --latency` against a fixed list of pages, in two modes:
   - «cached»: an anonymous visitor, after two plain GETs — what the page cache (when there is one) serves;
   - «uncached»: the cache bypassed. By default with the session cookie of a signed-in user (created here),
     since pages are never cached for signed-in users (that costs the session and user look-ups, 2 queries);
     `--uncached-by query` instead adds `?nocache=<random>`, a query string, which is never cached either.
   and once per round one hashed static CSS file that the home page links, served by whitenoise.
4. Prints each run as it ends, then a table: req/s, p50/p99 latency, the ratio to the static file's req/s
   of the same round, and the SQL queries of one request in each mode (counted in-process with Django's
   test client on the same database: the second anonymous request, and the second signed-in request).
   Then each page's HTML size: as served, gzip (level 6, Django's GZipMiddleware) and brotli (quality 5),
   and whether the server compressed it when the client accepted gzip and br.

With --bakerydemo URL the corresponding bakerydemo pages (home, blog index, bread listing, a bread page, a
blog post, search, its static CSS) are measured right after each portal page — pairs interleaved, so the
shared machine's load falls on both alike — and the table shows the portal's uncached rate over
bakerydemo's. Without it that part is skipped (it says so).

Figures from a shared machine move with whatever else runs: quote the load average the script prints with
them, and prefer --rounds 2 or more to see the spread.

Setting bakerydemo up for the comparison (outside this repository; the issue measured commit 8e2b625 on
Wagtail 8.0.1 / Django 5.2, its own seed, SQLite, production settings):

    git clone https://github.com/wagtail/bakerydemo /work/bakerydemo && cd /work/bakerydemo
    git checkout 8e2b625
    python3.11 -m venv .venv
    # requirements/base.txt with Django==5.2.19 and wagtail==8.0.1 instead of its Django 6.0 / Wagtail 7.4
    # pins, plus whitenoise and gunicorn (its production settings add whitenoise's middleware):
    .venv/bin/pip install Django==5.2.19 wagtail==8.0.1 'python-dotenv>=1.2.1,<2' 'wagtail-font-awesome-svg>=1,<2' \
        'django-debug-toolbar>=4.2,<5' 'django-extensions>=4.1,<5' 'django-csp>=3.8,<4' \
        'dj-database-url>=3.1.0,<4' whitenoise==6.12.0 gunicorn==27.0.1
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production DJANGO_SECRET_KEY=<50+ random characters> \
        DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 \
        DJANGO_LOG_LEVEL=WARNING
    .venv/bin/python manage.py migrate --noinput && .venv/bin/python manage.py load_initial_data
    .venv/bin/python manage.py collectstatic --noinput
    .venv/bin/gunicorn bakerydemo.wsgi --bind 127.0.0.1:8020 --workers 2
"""

import argparse
import gzip
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

# The portal's pages and the bakerydemo page each is compared with (None: no counterpart).
PAIRS = [
    ("home", "home"),
    ("news index", "blog index"),
    ("atlas", "bread listing"),
    ("atlas, 2 filters", "bread listing"),
    ("profession card", "bread page"),
    ("news item", "blog post"),
    ("search", "search"),
]
SEARCH_QUERY = "профориентации"


@dataclass
class Run:
    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float
    errors: str  # non-2xx/3xx answers and socket errors, if any


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", metavar="URL", help="bakerydemo's address, e.g. http://127.0.0.1:8020")
    parser.add_argument("--duration", default="10s", help="wrk's -d for each page (default 10s)")
    parser.add_argument("--threads", type=int, default=2, help="wrk's -t (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk's -c (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="measure every page this many times (default 1)")
    parser.add_argument(
        "--uncached-by",
        choices=["session", "query"],
        default="session",
        help="how the uncached mode bypasses the page cache: a signed-in user's session cookie (default) "
        "or a random query string",
    )
    parser.add_argument("--modes", default="cached,uncached", help="cached, uncached or both (default)")
    parser.add_argument("--professions", type=int, default=1000, help="profession cards in the atlas (1,000)")
    parser.add_argument("--database-url", help="a PostgreSQL database to drop and rebuild (name with «bench»)")
    parser.add_argument("--cache-url", help="a Redis database for the caches (flushed first)")
    parser.add_argument("--opensearch-url", help="search through OpenSearch (index «bench-throughput»)")
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--build-only", action="store_true", help="build the site, keep it and stop")
    parser.add_argument("--reuse", metavar="FOLDER", help="measure again the site a --keep run left in FOLDER")
    args = parser.parse_args()
    modes = [mode for mode in ("cached", "uncached") if mode in args.modes.split(",")]
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")

    workdir = Path(args.reuse or tempfile.mkdtemp(prefix="bench-throughput-"))
    env = site_environment(workdir, args)
    print(f"throw-away site in {workdir}; {os.cpu_count()} CPUs, load average {load_average()}")
    if not args.reuse:
        started = time.perf_counter()
        build_site(env, args)
        print(f"setup: {time.perf_counter() - started:.0f} s")
    else:  # the code may have changed since the site was built: its schema and static files follow it
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), *command],
                check=True,
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
    if args.build_only:
        print(f"built; measure it with --reuse {workdir}")
        return

    os.environ.update(env)
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    portal_pages, session_cookie, queries = inspect_site()

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--pythonpath",
            "site",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 - open for the server's lifetime
    )
    try:
        wait_for(base + "/robots.txt")
        portal_pages["static CSS"] = linked_css(fetch(base + "/")[1], r"/static/portal/css/site\.[0-9a-f]+\.css")
        bakery_pages = bakerydemo_pages(args.bakerydemo) if args.bakerydemo else {}
        if not args.bakerydemo:
            print("no --bakerydemo address: the bakerydemo columns are skipped")
        results = measure(base, portal_pages, bakery_pages, session_cookie, modes, args)
        print_table(results, queries, modes, args)
        print_sizes(base, portal_pages, args.bakerydemo, bakery_pages)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        print(f"load average at the end {load_average()}")
        if args.keep or args.reuse:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def site_environment(workdir, args):
    """The production settings' environment for the throw-away site (as .ci/run sets it)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "OPENSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-" + secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PUBLIC_BASE_URL=f"http://127.0.0.1:{args.port}",
        DATABASE_URL=args.database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
    )
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    if args.opensearch_url:
        env.update(OPENSEARCH_URL=args.opensearch_url, OPENSEARCH_INDEX="bench-throughput")
    return env


def build_site(env, args):
    if args.database_url:
        recreate_postgres_database(args.database_url)
    if args.cache_url:
        import redis

        redis.Redis.from_url(args.cache_url).flushdb()
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {**env, "SEARCH_AUTO_UPDATE": "false"}  # indexed once at the end

    def run(*command, settings_env=quiet):
        subprocess.run([*manage, *command], check=True, env=settings_env, cwd=ROOT, stdout=subprocess.DEVNULL)

    run("migrate", "--noinput", "-v0")
    run("collectstatic", "--noinput", "-v0")
    run("load_seed", "--no-index")
    # The benchmark-data command refuses the production settings; the development ones share the database.
    missing = args.professions - count_professions(quiet)
    if missing > 0:
        run(
            "make_atlas_bench_data",
            "--force",
            f"--professions={missing}",
            settings_env={**quiet, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
        )
    run("update_index", settings_env=env)


def count_professions(env):
    code = (
        "from atlas.models import ProfessionPage; "
        "print(ProfessionPage.objects.filter(locale__language_code='ru').count())"
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def recreate_postgres_database(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"--database-url: the database {name!r} would be dropped; its name must contain «bench»")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def inspect_site():
    """The portal's page URLs, a signed-in user's session cookie value, and each page's SQL queries."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.models import AtlasIndexPage, ProfessionPage, Sector
    from home.models import HomePage, NewsIndexPage, NewsPage

    def ru(model):
        return model.objects.live().filter(locale__language_code="ru")

    atlas = ru(AtlasIndexPage).first()
    card = ru(ProfessionPage).filter(slug="aviatekhnik").first() or ru(ProfessionPage).order_by("pk").first()
    sector = card.sector or Sector.objects.filter(locale__language_code="ru").order_by("pk").first()
    pages = {
        "home": ru(HomePage).first().url,
        "news index": ru(NewsIndexPage).first().url,
        "atlas": atlas.url,
        "atlas, 2 filters": f"{atlas.url}?sector={sector.slug}&level={card.education_level}",
        "profession card": card.url,
        "news item": ru(NewsPage).order_by("-first_published_at").first().url,
        "search": "/search/?" + urllib.parse.urlencode({"q": SEARCH_QUERY}),
    }
    user, _ = get_user_model().objects.get_or_create(username="bench-visitor")
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    from django.conf import settings

    session_cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    anonymous = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    for label, url in pages.items():
        counts = []
        for client in (anonymous, signed_in):
            response = client.get(url)  # the first request also fills per-process look-ups and the page cache
            if response.status_code != 200:
                sys.exit(f"{label} {url} answered {response.status_code}")
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts.append(len(captured))
        queries[label] = counts
    return pages, session_cookie, queries


def bakerydemo_pages(base):
    home = fetch(base + "/")[1]
    breads = fetch(base + "/breads/")[1]
    blog = fetch(base + "/blog/")[1]
    return {
        "home": "/",
        "blog index": "/blog/",
        "bread listing": "/breads/",
        "bread page": first_link(breads, r"/breads/[a-z0-9-]+/"),
        "blog post": first_link(blog, r"/blog/(?!tags/)[a-z0-9-]+/"),
        "search": "/search/?q=bread",
        "static CSS": linked_css(home, r"/static/css/main\.[0-9a-f]+\.css"),
    }


def measure(base, portal_pages, bakery_pages, session_cookie, modes, args):
    """wrk on every page, rounds × (static files, then each portal page followed by its bakerydemo pair)."""
    from django.conf import settings

    results = {}  # (site, mode, label) -> [Run]
    static = {"portal": portal_pages["static CSS"], "bakerydemo": bakery_pages.get("static CSS")}

    def record(site, mode, label, url, headers=(), shown_as=None):
        # wrk stops with its last requests still queued in gunicorn, which the sync workers answer anyway:
        # one request for the static file returns once they are through, so no run pays for the one before.
        fetch((base if site == "portal" else args.bakerydemo) + static[site])
        run = wrk(url, headers, args)
        results.setdefault((site, mode, label), []).append(run)
        print(
            f"  {site:10} {mode:9} {shown_as or label:18} {run.rate:9.1f} req/s"
            f"  p50 {run.p50:7.1f} ms  p99 {run.p99:7.1f} ms  {run.errors}",
            flush=True,
        )

    cookie = ("Cookie: " + f"{settings.SESSION_COOKIE_NAME}={session_cookie}",)
    for round_number in range(1, args.rounds + 1):
        print(f"round {round_number}/{args.rounds}, load average {load_average()}")
        record("portal", "static", "static CSS", base + portal_pages["static CSS"])
        if bakery_pages:
            record("bakerydemo", "static", "static CSS", args.bakerydemo + bakery_pages["static CSS"])
        for label, pair in PAIRS:
            url = base + quote(portal_pages[label])
            for mode in modes:
                if mode == "cached":
                    fetch(url)  # the plain GET twice: the second one may already come from the cache
                    fetch(url)
                    record("portal", mode, label, url)
                elif args.uncached_by == "session":
                    record("portal", mode, label, url, cookie)
                else:
                    separator = "&" if "?" in url else "?"
                    record("portal", mode, label, f"{url}{separator}nocache={secrets.token_hex(8)}")
            if bakery_pages:  # kept under the portal page's label: two portal pages may share a counterpart
                record("bakerydemo", "plain", label, args.bakerydemo + bakery_pages[pair], shown_as=pair)
    return results


def wrk(url, headers, args):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}", "--latency"]
    command += ["--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    errors = "; ".join(re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*|^\s*0 requests in .*)", out, re.M))
    return Run(
        rate=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50=milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        p99=milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        errors=errors,
    )


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def print_table(results, queries, modes, args):
    def spread(values, digits=0):
        low, high = min(values), max(values)
        return (
            f"{low:,.{digits}f}"
            if round(low, digits) == round(high, digits)
            else f"{low:,.{digits}f}–{high:,.{digits}f}"
        )

    def cells(runs, static):
        rates = [run.rate for run in runs]
        digits = 1 if max(rates) < 100 else 0
        ratios = [run.rate / s.rate for run, s in zip(runs, static, strict=True)]
        p50 = statistics.median(run.p50 for run in runs)
        p99 = statistics.median(run.p99 for run in runs)
        return [spread(rates, digits), f"{p50:.0f}", f"{p99:.0f}", f"{spread([r * 100 for r in ratios], 1)} %"]

    static = results[("portal", "static", "static CSS")]
    bakery_static = results.get(("bakerydemo", "static", "static CSS"))
    header = ["page"]
    for mode in modes:
        header += [f"{mode} req/s", "p50 ms", "p99 ms", "of static"]
    header += ["queries anon/signed-in"]
    if bakery_static:
        header += ["bakerydemo page", "req/s", "p50 ms", "p99 ms", "portal uncached ÷ bakerydemo"]
    rows = []
    for label, pair in PAIRS:
        row = [label]
        for mode in modes:
            row += cells(results[("portal", mode, label)], static)
        row.append("/".join(str(n) for n in queries[label]))
        if bakery_static:
            bakery = results[("bakerydemo", "plain", label)]
            row += [pair, *cells(bakery, bakery_static)[:3]]
            mine = results.get(("portal", "uncached", label)) or results[("portal", modes[0], label)]
            row.append(spread([m.rate / b.rate for m, b in zip(mine, bakery, strict=True)], 2) + "×")
        rows.append(row)
    static_row = ["static CSS"]
    for _mode in modes:
        static_row += [spread([run.rate for run in static]), *cells(static, static)[1:3], "100 %"]
    static_row.append("0")
    if bakery_static:
        static_row += ["static CSS", *cells(bakery_static, bakery_static)[:3], ""]
    rows.append(static_row)
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}, gunicorn --workers {args.workers}, "
        f"{args.rounds} round(s); uncached = {args.uncached_by}; load average {load_average()}"
    )
    print_markdown(header, rows)


def print_sizes(base, portal_pages, bakery_base, bakery_pages):
    print("\nHTML size in KB: as served without Accept-Encoding, gzip -6, brotli q5; Content-Encoding when the client")
    print("accepts «gzip, br»")
    rows = []
    for site, site_base, pages in (("portal", base, portal_pages), ("bakerydemo", bakery_base, bakery_pages)):
        for label, path in pages.items():
            if label == "static CSS":
                continue
            url = site_base + quote(path)
            body = fetch(url)[1]
            encoding = fetch(url, {"Accept-Encoding": "gzip, br"})[0].get("Content-Encoding") or "none"
            rows.append(
                [
                    site,
                    label,
                    f"{len(body) / 1024:.1f}",
                    f"{len(gzip.compress(body, 6)) / 1024:.1f}",
                    f"{len(brotli.compress(body, quality=5)) / 1024:.1f}",
                    encoding,
                ]
            )
    print_markdown(["site", "page", "HTML KB", "gzip KB", "brotli KB", "served as"], rows)


def print_markdown(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def quote(path):
    return urllib.parse.quote(path, safe="/?&=%")


def fetch(url, headers=None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:  # noqa: S310 - our own loopback server
        return response.headers, response.read()


def wait_for(url):
    for _ in range(120):
        try:
            fetch(url)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    sys.exit(f"the server did not answer {url}")


def linked_css(html, pattern):
    match = re.search(pattern, html.decode())
    if not match:
        sys.exit(f"no stylesheet matching {pattern}")
    return match.group(0)


def first_link(html, pattern):
    match = re.search(f'href="({pattern})"', html.decode())
    if not match:
        sys.exit(f"no link matching {pattern}")
    return match.group(1)


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
