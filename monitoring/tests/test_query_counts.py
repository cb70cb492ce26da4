"""The monitoring pages and the report search cost at most MAX_PAGE_QUERIES SQL queries uncached, the same number
however many reports, indicators and districts there are."""

from atlas.factories import DistrictFactory
from monitoring.models import Indicator, IndicatorTarget, MonitoringReportPage, Observation
from monitoring.models.observations import PROGRAMME_YEARS
from portal.tests.helpers import assert_few_constant_queries

from .conftest import add
from .test_reports import data


def test_monitoring_pages_cost_few_queries_and_as_many_with_more_content(
    client, monitoring, django_capture_on_commit_callbacks
):
    data(monitoring)
    # The report search too: its results and every count from the faceting engine, in two queries.
    urls = [monitoring["index"].url, monitoring["report"].url, monitoring["index"].url + "poisk/?year=2022&q=итоги"]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            for n in range(30):
                district = DistrictFactory()
                Observation.objects.create(
                    indicator=monitoring["diagnostics"], district=district, year=2022, numerator=n, denominator=50
                )
                indicator = Indicator.objects.create(
                    number=100 + n, name=f"Показатель {n}", unit=Indicator.COUNT, direction=monitoring["direction"]
                )
                IndicatorTarget.objects.create(indicator=indicator, year=2022, value=n)
                Observation.objects.create(indicator=indicator, year=2022, numerator=n)
            for year in (y for y in PROGRAMME_YEARS if y != monitoring["report"].year):
                add(
                    monitoring["index"],
                    MonitoringReportPage(title=f"Итоги {year} года", slug=f"otchet-{year}", year=year),
                )

    assert_few_constant_queries(client, urls, grow)
