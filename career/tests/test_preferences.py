"""Direction 9 computed: the routes' professions against the atlas's demand, on a small data set whose expected
numbers are worked out by hand below; the first route of a diagnosis counts its profession once; the block on the
monitoring page and in the yearly report."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from career import record
from career.models import RouteChoiceTally
from career.preferences import computed
from career.state import Diagnosis, new_nonce

from .conftest import publish
from .test_indicator import answers_for


def tally(year, district, profession, routes, band="8-9"):
    RouteChoiceTally.objects.create(year=year, district=district, grade_band=band, profession=profession, routes=routes)


@pytest.fixture
def routes(career):
    """2025: Amursky 6 welders (high demand), 3 vets (medium, in demand in Vanino only), 1 designer (low);
    Vanino 4 vets, 2 designers; 2 programmers (high) with no district. 2024: one welder in Amursky."""
    publish(career["vet"], districts=[career["vanino"]])
    amur, vanino = career["amur"], career["vanino"]
    tally(2025, amur, career["welder"], 4)
    tally(2025, amur, career["welder"], 2, band="10-11")
    tally(2025, amur, career["vet"], 3)
    tally(2025, amur, career["designer"], 1)
    tally(2025, vanino, career["vet"], 4)
    tally(2025, vanino, career["designer"], 2)
    tally(2025, None, career["programmer"], 2)
    tally(2024, amur, career["welder"], 1)
    return career


def test_the_share_of_routes_towards_demand_per_district_and_the_mismatches(routes):
    years = computed()
    assert list(years) == [2025, 2024]
    found = years[2025]
    rows = {str(row.district or "—"): (row.routes, row.towards_demand, row.share) for row in found.rows}
    assert rows == {
        "Амурский район": (10, 6, Decimal("60.0")),  # 6 welders of 10
        "Ванинский район": (6, 4, Decimal("66.7")),  # 4 vets, in demand in Vanino, of 6
        "—": (2, 2, Decimal("100.0")),  # the programmers: high demand wherever they are
    }
    assert (found.krai.routes, found.krai.towards_demand, found.krai.share) == (18, 12, Decimal("66.7"))
    # Not in demand where chosen: vets in Amursky (3), designers in both (1 + 2); equal counts by title.
    assert [(page.title, n) for page, n in found.chosen_not_in_demand] == [
        ("Ветеринарный фельдшер", 3),
        ("Дизайнер", 3),
    ]
    # High demand, fewest routes first: pilot and teacher none, programmer 2, welder 6.
    assert [(page.title, n) for page, n in found.in_demand_rarely_chosen] == [
        ("Пилот", 0),
        ("Учитель начальных классов", 0),
        ("Программист", 2),
        ("Сварщик", 6),
    ]
    assert (years[2024].krai.routes, years[2024].krai.share) == (1, Decimal("100.0"))


def test_the_computation_takes_the_same_queries_for_more_routes(routes):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            computed()
        return len(captured)

    before = queries()
    for year in (2022, 2023):
        for profession in ("pilot", "teacher", "designer"):
            tally(year, routes["vanino"], routes[profession], 5)
    assert queries() == before == 4


def test_the_first_route_of_a_diagnosis_counts_its_profession_once(career):
    locale = Locale.get_default()
    diagnosis = Diagnosis(answers=answers_for("technique"), grade=9, district="amurskii", nonce=new_nonce())
    record.completed(diagnosis, locale)
    record.route_built(diagnosis, career["welder"], locale)
    record.route_built(diagnosis, career["pilot"], locale)  # another profession later: not a new route
    choice = RouteChoiceTally.objects.get()
    assert (choice.district, choice.profession_id, choice.routes) == (career["amur"], career["welder"].pk, 1)


def test_the_monitoring_page_and_the_report_show_it_with_the_method(client, routes):
    from monitoring.models import MonitoringIndexPage, MonitoringReportPage

    home = routes["page"].get_parent()
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()
    report = MonitoringReportPage(title="Итоги 2024 года", slug="otchet-2024", year=2024)
    index.add_child(instance=report)
    report.save_revision().publish()
    page = client.get(index.url).content.decode()
    assert "Маршруты к востребованным профессиям, 2025" in page
    assert "Как считается:" in page and "<td>66,7</td>" in page
    assert f'<a href="{routes["vet"].url}">Ветеринарный фельдшер</a>: 3 маршрута' in page
    report_page = client.get(report.url).content.decode()
    assert (
        "Маршруты к востребованным профессиям, 2024" in report_page
        and "2025" not in report_page.split("preferences-heading")[1]
    )
