"""Atlas benchmark on generated data (1,000 professions, 300 employers, 150 organisations by default).

    .venv/bin/python bench/atlas.py [--professions 1000] [--runs 20]

Builds a throw-away SQLite database in var/bench-atlas.sqlite3 (or uses DATABASE_URL), loads the seed and
the benchmark data, then measures: the atlas index with three filters and a card page (median time and
SQL queries), the card PDF, and the import of a 1,000-row XLSX file. Prints the figures; asserts nothing.
"""

import argparse
import io
import time

from _setup import throwaway_site, timed  # bench/ is on sys.path: it holds the script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--professions", type=int, default=1000)
    parser.add_argument("--employers", type=int, default=300)
    parser.add_argument("--organisations", type=int, default=150)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    seconds = throwaway_site(
        "atlas",
        [
            "make_atlas_bench_data",
            "--force",
            f"--professions={args.professions}",
            f"--employers={args.employers}",
            f"--organisations={args.organisations}",
        ],
    )
    print(f"setup (migrate, seed, {args.professions} cards): {seconds:.0f} s")

    import openpyxl
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.exchange import run_import
    from atlas.models import ProfessionPage

    client = Client(HTTP_HOST="127.0.0.1")
    card = ProfessionPage.objects.live().order_by("-pk").first()
    pages = {
        "atlas, 3 filters": "/atlas/?level=spo&demand=high&salary_from=60000",
        "atlas, 3 filters, page 3": "/atlas/?level=spo&demand=high&salary_from=60000&page=3",
        "card": card.url,
    }
    print(f"{ProfessionPage.objects.count()} cards in the atlas")
    for label, url in pages.items():
        client.get(url)
        median, worst = timed(lambda url=url: client.get(url), args.runs)
        reset_queries()  # DEBUG logs every query and each request clears the log: start from an empty one
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"{label:28} median {median:7.1f} ms  max {worst:7.1f} ms  {len(queries)} queries")
    median, worst = timed(lambda: client.get(card.url + "pdf/"), 5)
    print(f"{'card PDF':28} median {median:7.1f} ms  max {worst:7.1f} ms")

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["slug", "title", "education_level", "demand_level", "salary_min", "salary_max", "summary"])
    for i in range(1000):
        sheet.append(
            [
                f"import-{i}",
                f"Импортированная профессия {i}",
                "spo",
                "high",
                40000 + i,
                60000 + i,
                "Строка из файла XLSX.",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    start = time.perf_counter()
    report = run_import(buffer.getvalue(), "bench.xlsx", {"kind": "professions"}, dry_run=False)
    print(f"{'import 1,000-row XLSX':28} {time.perf_counter() - start:7.1f} s  ok={report.ok} {report.counts}")
    start = time.perf_counter()
    report = run_import(buffer.getvalue(), "bench.xlsx", {"kind": "professions"}, dry_run=False)
    print(f"{'same file again (no change)':28} {time.perf_counter() - start:7.1f} s  {report.counts}")


if __name__ == "__main__":
    main()
