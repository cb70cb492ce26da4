"""Résumé base benchmark: the employers' search (no filter, one filter, three) and a résumé's page, as a verified
employer, with the 40 seeded résumés and again with 10,000 (generated as the seed makes its own).

    .venv/bin/python bench/resumes.py [--resumes 10000] [--runs 20]
    DATABASE_URL=postgres://… .venv/bin/python bench/resumes.py

Builds a throw-away database (SQLite in var/bench-resumes.sqlite3, or DATABASE_URL) with the seed, measures each page
(median and slowest time, SQL queries), adds the résumés and measures again: the query counts must not change.
Prints the figures; asserts nothing.
"""

import argparse
import random

from _setup import throwaway_site, timed  # bench/ is on sys.path: it holds the script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    seconds = throwaway_site("resumes")
    print(f"setup (migrate, seed): {seconds:.0f} s")

    import time

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.models import MunicipalDistrict, ProfessionPage
    from partners.models import Organisation, Status
    from resumes.models import Resume
    from resumes.seed import make_resumes

    employer = Organisation.objects.filter(status=Status.APPROVED, educational_organization__isnull=True).first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(employer.account)
    district = MunicipalDistrict.objects.filter(locale__language_code="ru").first()
    card = ProfessionPage.objects.live().filter(locale__language_code="ru").first()

    def measure(title):
        resume = Resume.objects.shown().first()
        pages = {
            "search, no filter": "/admin/reziume/",
            "search, district": f"/admin/reziume/?district={district.pk}",
            "search, 3 filters": f"/admin/reziume/?district={district.pk}&movers=on&profession={card.pk}",
            "search, page 2": "/admin/reziume/?p=2",
            "a résumé": f"/admin/reziume/{resume.pk}/",
        }
        print(f"-- {title}: {Resume.objects.shown().count()} résumés shown")
        for label, url in pages.items():
            status = client.get(url).status_code
            if status != 200:
                print(f"{label}: status {status}")
            median, worst = timed(lambda url=url: client.get(url), args.runs)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"{label:20} median {median:7.1f} ms  max {worst:7.1f} ms  {len(queries)} queries")

    measure("seed only")
    start = time.perf_counter()
    made = make_resumes(args.resumes, start=1000, rng=random.Random(10), domain="bench.example.invalid")  # noqa: S311
    print(f"generated {made} résumés in {time.perf_counter() - start:.0f} s")
    measure(f"with {made} more")


if __name__ == "__main__":
    main()
