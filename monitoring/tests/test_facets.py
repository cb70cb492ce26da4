"""Report search: text and the four facets, the same results and counts on the database and on OpenSearch."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from conftest import forget_indexed_pages, require_service
from monitoring.facets import facet_values, search_reports
from monitoring.models import Indicator, IndicatorTarget, MonitoringReportPage, Observation
from search import site_search

from .conftest import add


@pytest.fixture
def reports(monitoring):
    """Three reports: 2021 (all directions), 2022 (direction 1 only) and 2022 (all). In 2022 Ванинский is
    below the diagnostics target (5 % < 20 %); in 2021 nobody is below (targets 10 %)."""
    second = Indicator.objects.create(number=4, name="Доля выбравших профильные предметы")
    IndicatorTarget.objects.create(indicator=second, year=2022, value=30)
    for district, year, numerator in (
        ("amur", 2022, 30),
        ("vanino", 2022, 5),
        ("amur", 2021, 12),
        ("vanino", 2021, 15),
    ):
        Observation.objects.create(
            indicator=monitoring["diagnostics"],
            district=monitoring[district],
            year=year,
            numerator=numerator,
            denominator=100,
        )
    Observation.objects.create(indicator=second, district=monitoring["amur"], year=2022, numerator=10, denominator=100)
    old = add(
        monitoring["index"], MonitoringReportPage(title="Итоги 2021 года: первые районы", slug="otchet-2021", year=2021)
    )
    focused = MonitoringReportPage(title="Диагностика в 2022 году", slug="diagnostika-2022", year=2022)
    focused.directions = [monitoring["direction"]]
    add(monitoring["index"], focused)
    reports = {"2021": old, "2022 focused": focused, "2022": monitoring["report"]}
    forget_indexed_pages()
    for report in reports.values():
        index.insert_or_update_object(report)
    get_search_backend().refresh_indexes()
    return reports


def titles(result):
    return sorted(r.title for r in result.reports)


def test_facet_values_follow_directions_and_districts_below_target(monitoring, reports):
    values = facet_values(reports.values())
    focused = values[reports["2022 focused"].pk]
    assert focused["direction"] == {"1"} and focused["indicator"] == {"1"}
    assert focused["district"] == {"vaninskii"}
    full = values[reports["2022"].pk]
    assert full["indicator"] == {"1", "4", "10"} and full["district"] == {
        "vaninskii",
        "amurskii",
    }  # Амурский: 10 % < 30 %
    assert values[reports["2021"].pk]["district"] == set()


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ({}, ["Диагностика в 2022 году", "Итоги 2021 года: первые районы", "Итоги 2022 года"]),
        ({"year": "2022"}, ["Диагностика в 2022 году", "Итоги 2022 года"]),
        ({"district": "amurskii"}, ["Итоги 2022 года"]),
        ({"district": "vaninskii", "year": "2022"}, ["Диагностика в 2022 году", "Итоги 2022 года"]),
        ({"indicator": "4"}, ["Итоги 2021 года: первые районы", "Итоги 2022 года"]),
        ({"direction": "1", "district": "vaninskii"}, ["Диагностика в 2022 году", "Итоги 2022 года"]),
        ({"year": "2021", "district": "vaninskii"}, []),
    ],
)
def test_facets_alone_and_combined(monitoring, reports, selected, expected):
    assert titles(search_reports("", selected)) == expected


def test_counts_are_over_the_current_results(monitoring, reports):
    result = search_reports("", {"year": "2022"})
    assert result.counts["year"] == {"2022": 2}
    assert result.counts["district"] == {"vaninskii": 2, "amurskii": 1}
    assert result.counts["indicator"] == {"1": 2, "4": 1, "10": 1}


def test_text_search_narrows_the_reports(monitoring, reports):
    assert titles(search_reports("первых", {})) == ["Итоги 2021 года: первые районы"]  # another word form
    # Reports are found by the names of the indicators they cover too: each one covers the diagnostics.
    assert len(titles(search_reports("диагностика", {}))) == 3
    assert titles(search_reports("районы", {"year": "2021"})) == ["Итоги 2021 года: первые районы"]


def test_search_page_with_facets_and_bad_values(client, monitoring, reports):
    response = client.get(
        monitoring["index"].url + "poisk/", {"year": "2022", "district": "nowhere", "indicator": "42"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert set(response.context["form"].errors) == {"district", "indicator"}
    assert [r.title for r in response.context["reports"]] == ["Диагностика в 2022 году", "Итоги 2022 года"]
    assert "Ванинский муниципальный район (2)" in html and 'aria-current="true"' in html


@pytest.mark.opensearch
def test_facet_counts_are_the_same_on_opensearch_and_the_database(monitoring, reports):
    require_service("OpenSearch", "OPENSEARCH_URL", "the scaled search tier")
    for selected in (
        {},
        {"year": "2022"},
        {"district": "vaninskii"},
        {"indicator": "4", "year": "2022"},
        {"direction": "1"},
    ):
        on_opensearch = search_reports("", selected, backend="opensearch")
        on_database = search_reports("", selected, backend="database")
        assert titles(on_opensearch) == titles(on_database), selected
        assert on_opensearch.counts == on_database.counts, selected


def test_the_site_search_sees_the_report_facets(monitoring, reports):
    """A report declares its facets once: the site search counts and filters them too, not only its year."""
    found = site_search.search("итоги", monitoring["index"].locale, {"kind": "report", "district": "vaninskii"})
    assert [r.title for r in found.results] == ["Итоги 2022 года"]
    assert found.counts["indicator"] == {"1": 1, "4": 1, "10": 1}
    assert found.counts["district"] == {"vaninskii": 1, "amurskii": 1}


def test_a_report_in_a_private_section_is_found_on_no_backend(monitoring, reports, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the private sections are known once this commits
        PageViewRestriction.objects.create(page=reports["2022 focused"], restriction_type=PageViewRestriction.LOGIN)
    backends = ["database", "opensearch"] if settings.OPENSEARCH_URL else ["database"]
    for backend in backends:
        result = search_reports("", {"year": "2022"}, backend=backend)
        assert titles(result) == ["Итоги 2022 года"], backend
        assert result.counts["year"] == {"2022": 1}, backend


def test_facets_of_many_reports_are_computed_with_a_fixed_number_of_queries(monitoring, reports):
    """As ``update_index`` indexes a chunk of reports: their facets at once, then none for each report."""
    many = list(MonitoringReportPage.objects.all())
    with CaptureQueriesContext(connection) as prepared:
        MonitoringReportPage.prepare_search_facets(many)
    with CaptureQueriesContext(connection) as per_report:
        tags = {report.slug: report.tags_for_facets() for report in many}
    assert len(prepared) <= 5 and len(per_report) == 0
    assert "district:vaninskii" in tags["diagnostika-2022"] and "direction:1" in tags["diagnostika-2022"]
    assert "district:vaninskii" not in tags["otchet-2021"] and "year:2021" in tags["otchet-2021"]


def test_update_index_indexes_the_report_facets(monitoring, reports):
    call_command("update_index", verbosity=0)
    backends = ["database", "opensearch"] if settings.OPENSEARCH_URL else ["database"]
    for backend in backends:
        assert titles(search_reports("", {"district": "amurskii"}, backend=backend)) == ["Итоги 2022 года"], backend
        assert search_reports("", {"direction": "1"}, backend=backend).counts["district"] == {
            "vaninskii": 2,
            "amurskii": 1,
        }, backend
