"""Render time and SQL query count of the main public pages, in-process (no network, no server).

    .venv/bin/python bench/pages.py [--runs 30] [--settings portal.settings.dev]

Runs against the database the settings point at (by default the SQLite file that `make run` seeded;
set DATABASE_URL / OPENSEARCH_URL for the scaled tier). Prints, per URL, the median and 95th-percentile
wall time of a full request through Django's test client and the number of SQL queries. Figures go into
the issue notes; tests assert query counts, never timings.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

URLS = [
    "/",
    "/en/",
    "/o-proekte/",
    "/o-proekte/pasport-proekta/",
    "/en/about/project-passport/",
    "/events/",
    "/events/?year=2022&audience=teachers",
    "/events/ical/",
    "/news/",
    "/o-proekte/meropriiatiia-dlia-pedagogov/",
    "/search/?q=профориентации",
    "/sitemap.xml",
    "/no-such-page/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--settings", default="portal.settings.dev")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings

    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)  # the 404 in the list would log every run
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'url':45} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in URLS:
        client.get(url)  # warm-up: template loading, site root cache
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        reset_queries()  # DEBUG logs every query and each request clears the log: start from an empty one
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{url:45} {response.status_code:>6} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries):>8}")


if __name__ == "__main__":
    main()
