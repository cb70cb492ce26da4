"""Monitoring: a report page, its PDF and the faceted report search with 19 districts × 10 indicators ×
4 years of observations and 50 reports.

    .venv/bin/python bench/monitoring.py                      # SQLite + database search
    OPENSEARCH_URL=http://127.0.0.1:9201 .venv/bin/python bench/monitoring.py   # + OpenSearch (make opensearch-start)

Builds a throw-away SQLite database in var/bench-monitoring.sqlite3 with the demo seed (2021–2023), adds
2024 observations and reports up to 50 (directions chosen at random), then times, through Django's test
client: the 2023 report page (median of 10, and its query count), its PDF (median of 3), and ten searches
(facets alone and combined, with and without words; median and slowest of 5 runs each).
"""

import random
import statistics

from _setup import throwaway_site, timed  # bench/ is on sys.path: it holds the script; timed() gives ms

SEARCHES = [
    {},
    {"year": "2023"},
    {"district": "amurskii-munitsipalnyi-raion"},
    {"indicator": "4"},
    {"direction": "2"},
    {"year": "2022", "indicator": "1"},
    {"year": "2024", "district": "vaninskii-munitsipalnyi-raion", "direction": "1"},
    {"q": "итоги"},
    {"q": "мониторинг", "year": "2023"},
    {"q": "показатели районы", "indicator": "9"},
]


def main():
    throwaway_site("monitoring")
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atlas.models import MunicipalDistrict
    from monitoring.models import Indicator, MonitoringDirection, MonitoringIndexPage, MonitoringReportPage, Observation

    rng = random.Random(2024)  # noqa: S311 - made-up figures
    districts = list(MunicipalDistrict.objects.filter(locale__language_code="ru"))
    rows = []
    for indicator in Indicator.objects.in_default_locale():
        for district in districts if indicator.is_share else [None]:
            size = rng.randint(800, 60_000)
            rows.append(
                Observation(
                    indicator=indicator,
                    district=district,
                    year=2024,
                    numerator=rng.randint(0, size) if indicator.is_share else rng.randint(2, 6),
                    denominator=size if indicator.is_share else None,
                    is_demo=True,
                )
            )
    for row in rows:
        row.compute()
    Observation.objects.bulk_create(rows)
    index = MonitoringIndexPage.objects.get()
    directions = list(MonitoringDirection.objects.in_default_locale())
    while MonitoringReportPage.objects.count() < 50:
        n = MonitoringReportPage.objects.count()
        report = MonitoringReportPage(
            title=f"Мониторинг: выпуск {n + 1}", slug=f"vypusk-{n + 1}", year=2021 + n % 4, summary="Итоги по районам"
        )
        report.directions = rng.sample(directions, rng.randint(0, 3))
        index.add_child(instance=report)
        report.save_revision().publish()
    print(
        f"Data: {Observation.objects.count()} observations ({len(districts)} districts, "
        f"{Indicator.objects.in_default_locale().count()} indicators, 4 years), "
        f"{MonitoringReportPage.objects.count()} reports"
    )

    client = Client(HTTP_HOST="127.0.0.1")
    report = MonitoringReportPage.objects.get(slug="otchet-2023")
    client.get(report.url)
    connection.queries_log.clear()  # DEBUG kept the setup's queries: a full log would count none
    with CaptureQueriesContext(connection) as queries:
        response = client.get(report.url)
    if response.status_code != 200:
        raise SystemExit(f"{report.url} answered {response.status_code}")
    median, slowest = timed(lambda: client.get(report.url), 10)
    print(f"Report page 2023: median {median:.0f} ms, slowest {slowest:.0f} ms, {len(queries)} queries")
    median, slowest = timed(lambda: client.get(report.url + "pdf/"), 3)
    print(f"Report PDF 2023: median {median / 1000:.2f} s, slowest {slowest / 1000:.2f} s")

    backends = ["database"]
    if settings.OPENSEARCH_URL:
        call_command("update_index", verbosity=0)
        backends.append("opensearch")
    from monitoring import facets

    for backend in backends:
        results = []
        for search in SEARCHES:
            selected = {k: v for k, v in search.items() if k != "q"}

            def run(search=search, selected=selected, backend=backend):
                return facets.search_reports(search.get("q", ""), selected, locale=index.locale, backend=backend)

            found = len(run().reports)
            median, slowest = timed(run, 5)
            results.append((median, slowest, found))
            print(f"  {backend:10} {search!s:75} median {median:6.1f} ms, slowest {slowest:6.1f} ms")
        medians = [m for m, _s, _f in results]
        print(
            f"Faceted search on {backend}: median of medians {statistics.median(medians):.0f} ms, "
            f"slowest run {max(s for _m, s, _f in results):.0f} ms over {len(SEARCHES)} searches "
            f"(found {', '.join(str(f) for _m, _s, f in results)})"
        )
    page_url = index.url + "poisk/?year=2023&direction=2"
    median, slowest = timed(lambda: client.get(page_url), 5)
    print(f"Search page (default backend) {page_url}: median {median:.0f} ms")


if __name__ == "__main__":
    main()
