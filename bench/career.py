"""Career builder benchmark: the results page and the route PDF with 1,000 professions in the atlas.

    .venv/bin/python bench/career.py [--professions 1000] [--runs 20]

Builds a throw-away database (see bench/_setup.py) with the seed and the atlas benchmark data, then measures
through Django's test client: the results page of a diagnosis (profile chart and all professions ranked; the
median and slowest time and the SQL queries, also with 10 professions only, to show the count does not grow),
the results for a disability category (which only a POST carries), the comparison of five, the route page and
its PDF. Prints the figures; asserts nothing."""

import argparse
from urllib.parse import parse_qs, urlparse

from _setup import throwaway_site, timed  # bench/ is on sys.path: it holds the script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--professions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    seconds = throwaway_site(
        "career",
        [
            "make_atlas_bench_data",
            "--force",
            f"--professions={args.professions}",
            "--employers=300",
            "--organisations=150",
        ],
    )
    print(f"setup (migrate, seed, {args.professions} generated cards): {seconds:.0f} s")

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.models import ProfessionPage
    from career.models import CareerBuilderPage
    from career.tests.conftest import answers_for

    page = CareerBuilderPage.objects.live().get(locale__language_code="ru")
    client = Client()
    data = {
        "version": "plain",
        "code": "",
        "answers": answers_for("technique", "sign"),
        "grade": 9,
        "district": "",
        "level": "spo",
        "subjects": ["math", "physics"],
    }
    results = client.post(page.url + "o-sebe/", data)["Location"]
    token = parse_qs(urlparse(results).query)["t"][0]

    def measure(label, url, runs=args.runs, post=None):
        def request():
            return client.post(url, post) if post else client.get(url)

        response = request()
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        reset_queries()  # DEBUG logs every query, and each request clears the log: start from an empty one
        with CaptureQueriesContext(connection) as queries:
            request()
        median, slowest = timed(request, runs)
        print(
            f"{label}: median {median:.0f} ms, slowest {slowest:.0f} ms, {len(queries)} SQL queries, "
            f"{len(response.content) // 1024} KiB"
        )
        return response

    live = ProfessionPage.objects.live().filter(locale__language_code="ru").count()
    measure(f"results page, {live} professions ranked, first 20 shown", results)
    measure("results page, page 50 of the ranking", results + "&page=50")
    measure(
        "results page for a disability category (POST)",
        page.url + "rezultat/",
        post={"t": token, "disability": "hearing"},
    )
    five = list(ProfessionPage.objects.live().filter(locale__language_code="ru").values_list("pk", flat=True)[:5])
    measure("comparison of 5", page.url + "sravnenie/?t=" + token + "".join(f"&p={pk}" for pk in five))
    route = client.post(page.url + "marshrut/", {"t": token, "profession": five[0]})["Location"]
    measure("route page", route)
    response = measure("route PDF", route.replace("/marshrut/?", "/marshrut/pdf/?"), runs=max(args.runs // 4, 5))
    print(f"route PDF size: {len(response.content) // 1024} KiB")

    # The same results page with only ten professions left live: the query count must be the same.
    from django.db import transaction

    with transaction.atomic():
        keep = list(ProfessionPage.objects.live().filter(locale__language_code="ru").values_list("pk", flat=True)[:10])
        ProfessionPage.objects.exclude(pk__in=keep).update(live=False)
        measure("results page, 10 professions", results, runs=5)
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
