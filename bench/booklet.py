"""Booklet PDF of a Profnavigator edition with 200 professions, built by the background worker: the request before
it is built, the build's time and peak memory, the site's answers while it builds, and the file served after.

    .venv/bin/python bench/booklet.py [--professions 200]

Builds a throw-away SQLite database in var/bench-booklet.sqlite3, seeds it, generates cards and puts 200 of them
into one edition. The worker is `manage.py db_worker --batch` in its own process (as in production), so its peak
memory is that process's maximum resident size: Django, the data and WeasyPrint together. Request times are
measured through Django's test client in this process (no network, no server in front).
"""

import argparse
import io
import json
import resource
import subprocess
import sys
import threading
import time

from _setup import ROOT, throwaway_site, timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--professions", type=int, default=200)
    args = parser.parse_args()
    bench_data = ["make_atlas_bench_data", "--force", f"--professions={args.professions}", "--employers=50"]
    throwaway_site("booklet", [*bench_data, "--organisations=30"], env={"PORTAL_BUILD_AHEAD": "false"})
    from django.test import Client
    from pypdf import PdfReader

    from atlas.models import ProfessionPage
    from navigator.models import ProfnavigatorEditionPage

    cards = list(ProfessionPage.objects.live().order_by("-pk")[: args.professions])
    edition = ProfnavigatorEditionPage.objects.get(year=2026)
    edition.sections = json.dumps(
        [
            {
                "type": "section",
                "value": {
                    "title": f"Раздел {n + 1}",
                    "sector": None,
                    "notes": "",
                    "professions": [c.pk for c in cards[n * 20 : (n + 1) * 20]],
                },
            }
            for n in range((len(cards) + 19) // 20)
        ]
    )
    edition.save_revision().publish()
    client = Client(HTTP_HOST="127.0.0.1")
    url = edition.url + "pdf/"

    start = time.perf_counter()
    first = client.get(url)
    print(f"request before the booklet is built: {first.status_code} in {(time.perf_counter() - start) * 1000:.0f} ms")

    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--backend", "long", "--batch", "--no-startup-delay"]
    )
    home_times, waiting = [], []

    def visit_while_building():
        while worker.poll() is None:
            for path, timings in (("/", home_times), (url, waiting)):
                began = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - began) * 1000)
            time.sleep(0.5)

    start = time.perf_counter()
    visitor = threading.Thread(target=visit_while_building)
    visitor.start()
    worker.wait()
    visitor.join()
    built = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    from portal.models import GeneratedFile

    record = GeneratedFile.objects.get(page=edition, kind="booklet-pdf")
    print(
        f"worker built it in {record.build_seconds:.1f} s ({built:.1f} s with the worker's start), "
        f"peak RSS of the worker {peak / 1024:.0f} MiB"
    )
    print(
        f"while it built: home page {len(home_times)} requests, slowest {max(home_times):.0f} ms; "
        f"booklet address {len(waiting)} requests, slowest {max(waiting):.0f} ms"
    )

    response = client.get(url)
    content = b"".join(response.streaming_content)
    pages = len(PdfReader(io.BytesIO(content)).pages)
    print(f"booklet: {response.status_code}, {pages} pages, {len(content) / 1e6:.1f} MB")
    median, slowest = timed(lambda: b"".join(client.get(url).streaming_content), 50)
    print(f"booklet served as a file: median {median:.1f} ms, slowest {slowest:.1f} ms (50 requests)")


if __name__ == "__main__":
    main()
