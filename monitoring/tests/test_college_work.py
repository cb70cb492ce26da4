"""Direction 8 from the portal's own records: the atlas's open days and the handbook's completeness per district
(numbers worked out by hand), the columns other apps register, and the block on the monitoring page."""

import datetime

import pytest

from atlas.factories import DistrictFactory, OrganisationFactory
from atlas.models import OpenDay
from monitoring import college_work


@pytest.fixture
def colleges(db):
    amur = DistrictFactory(name="Амурский муниципальный район", slug="amurskii")
    vanino = DistrictFactory(name="Ванинский муниципальный район", slug="vaninskii")
    whole = {"address": "ул. Ленина, 1", "website": "https://college.example.ru", "accessibility": "Пандус, тьютор"}
    first = OrganisationFactory(district=amur, **whole)
    second = OrganisationFactory(district=amur, **{**whole, "website": ""})
    third = OrganisationFactory(district=vanino, **whole)
    for college, day in ((first, "2025-03-01"), (first, "2025-10-01"), (second, "2025-04-01"), (third, "2024-04-01")):
        OpenDay.objects.create(organisation=college, date=datetime.date.fromisoformat(day))
    return {"amur": amur, "vanino": vanino}


def test_open_days_and_the_handbooks_completeness_per_district(colleges):
    amur, vanino = colleges["amur"].pk, colleges["vanino"].pk
    assert college_work.open_days([2025, 2024]) == {(2025, amur): 3, (2024, vanino): 1}
    # 2025: of Amursky's two colleges the first is whole, the second has no website; Vanino's has no open day.
    assert college_work.handbook_completeness([2025, 2024]) == {
        (2025, amur): 50,
        (2025, vanino): 0,
        (2024, amur): 0,
        (2024, vanino): 100,
    }


def test_the_block_shows_the_newest_year_with_records_and_every_column(colleges, rf):
    year, shown, rows = college_work.newest_year_with_records(today=datetime.date(2026, 2, 1))
    assert year == 2025  # 2026 has no record yet
    headings = [str(column.heading) for column in shown]
    assert headings[:2] == ["Дни открытых дверей колледжей (атлас)", "Справочник для поступающих заполнен, %"]
    assert "Колледжи на ярмарках вакансий" in headings  # registered by the fairs
    assert "Профпробы, экскурсии и дни открытых дверей колледжей на портале" in headings  # by the opportunities
    # Only the districts with a record in the year: Vanino's college has no open day in 2025.
    assert [(district.name, values[:2]) for district, values in rows] == [("Амурский муниципальный район", [3, 50])]
    html = college_work.monitoring_block(rf.get("/monitoring/"), None)
    assert "Работа с колледжами и вузами по районам" in html and "<td>50</td>" in html
