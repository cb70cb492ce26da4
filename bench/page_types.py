"""SQL queries and render time of one page of every public page type, in-process, on the seed plus the atlas
benchmark data.

    .venv/bin/python bench/page_types.py [--professions 1000] [--runs 10] [--show-sql URL]

Builds a throw-away SQLite database in var/bench-page-types.sqlite3 (or uses DATABASE_URL), loads the seed and the
atlas benchmark data, then requests the first live page of each page type (and a few URLs with parameters: the
atlas with filters, search with a query, the sitemap) and prints the number of SQL queries of a warm request (the
per-process look-up caches filled, no page cache) with its median time. Asserts nothing: the query counts are
asserted in the apps' test_query_counts.py.
"""

import argparse
import re

from _setup import reuse_site, throwaway_site, timed  # bench/ is on sys.path: it holds the script

EXTRA_URLS = {
    "atlas, 2 filters": "/atlas/?level=spo&demand=high",
    "events, filtered": "/events/?audience=students&year=2024",
    "search with a query": "/search/?q=профессия",
    "sitemap": "/sitemap.xml",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--professions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--show-sql", metavar="URL", help="print the SQL of a warm request of URL and stop")
    parser.add_argument("--reuse", action="store_true", help="use the database a previous run built as it is")
    args = parser.parse_args()
    if args.reuse:
        reuse_site("page-types")
    else:
        throwaway_site("page-types", ["make_atlas_bench_data", "--force", f"--professions={args.professions}"])

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, get_page_models

    client = Client(HTTP_HOST="127.0.0.1")

    def warm_queries(url):
        client.get(url)
        reset_queries()  # DEBUG logs every query and each request clears the log: start from an empty one
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response.status_code, queries

    if args.show_sql:
        status, queries = warm_queries(args.show_sql)
        for query in queries:  # the column lists shortened: the tables and conditions tell the queries apart
            print(re.sub(r"^SELECT .*? FROM", "SELECT … FROM", query["sql"])[:600], "\n")
        print(f"{status}: {len(queries)} queries")
        return

    urls = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            urls[model.__name__] = page.url
    urls.update(EXTRA_URLS)
    print(f"{'page type':28} {'url':60} {'status':>6} {'queries':>8} {'median ms':>10}")
    for label, url in urls.items():
        status, queries = warm_queries(url)
        median, _worst = timed(lambda url=url: client.get(url), args.runs)
        print(f"{label:28} {url[:60]:60} {status:>6} {len(queries):>8} {median:>10.1f}")


if __name__ == "__main__":
    main()
