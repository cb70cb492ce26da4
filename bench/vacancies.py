"""Vacancies and opportunities benchmark: the faceted lists and a profession card's block with 5,000 vacancies and
1,000 opportunities (generated), against the seed alone.

    .venv/bin/python bench/vacancies.py [--vacancies 5000] [--opportunities 1000] [--runs 20]
    DATABASE_URL=postgres://… OPENSEARCH_URL=http://… .venv/bin/python bench/vacancies.py

Builds a throw-away database (SQLite in var/bench-vacancies.sqlite3, or DATABASE_URL) with the seed, measures the
vacancy list (plain and with two facets), the opportunity list, a profession card and an employer's page (median and
slowest time, SQL queries), then generates the vacancies and opportunities (make_vacancy_bench_data) and measures
again: the query counts must not change. Prints the figures; asserts nothing.
"""

import argparse

from _setup import throwaway_site, timed  # bench/ is on sys.path: it holds the script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=5000)
    parser.add_argument("--opportunities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    seconds = throwaway_site("vacancies")
    print(f"setup (migrate, seed): {seconds:.0f} s")

    import time

    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.models import AtlasIndexPage, Employer
    from opportunities.models import Opportunity, OpportunityIndexPage
    from vacancies.models import Vacancy, VacancyIndexPage

    client = Client(HTTP_HOST="127.0.0.1")
    vacancies = VacancyIndexPage.objects.live().get(locale__language_code="ru")
    opportunities = OpportunityIndexPage.objects.live().get(locale__language_code="ru")
    atlas = AtlasIndexPage.objects.live().get(locale__language_code="ru")
    employer = Employer.objects.filter(locale__language_code="ru", professions__isnull=False).first()
    card = employer.professions.live().first()
    pages = {
        "vacancy list": vacancies.url,
        "vacancy list, 2 facets": f"{vacancies.url}?type=first_job&salary=30_50",
        "opportunity list": opportunities.url,
        "profession card": card.url,
        "employer page": f"{atlas.url}rabotodateli/{employer.slug}/",
    }

    def measure(title):
        print(
            f"-- {title}: {Vacancy.objects.listed().count()} open vacancies, "
            f"{Opportunity.objects.listed().count()} listed opportunities"
        )
        for label, url in pages.items():
            status = client.get(url).status_code
            if status != 200:
                print(f"{label}: status {status}")
            median, worst = timed(lambda url=url: client.get(url), args.runs)
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"{label:24} median {median:7.1f} ms  max {worst:7.1f} ms  {len(queries)} queries")

    measure("seed only")  # load_seed indexed the seeded vacancies and opportunities at its end
    start = time.perf_counter()
    call_command(
        "make_vacancy_bench_data",
        f"--vacancies={args.vacancies}",
        f"--opportunities={args.opportunities}",
        "--force",
        verbosity=0,
    )
    print(f"generated and indexed in {time.perf_counter() - start:.0f} s")
    measure(f"with {args.vacancies} more vacancies and {args.opportunities} more opportunities")


if __name__ == "__main__":
    main()
