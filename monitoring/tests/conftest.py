import pytest

from atlas.factories import DistrictFactory
from monitoring.models import Indicator, IndicatorTarget, MonitoringDirection, MonitoringIndexPage, MonitoringReportPage


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def monitoring(site_tree):
    home, _ = site_tree
    direction = MonitoringDirection.objects.create(number=1, name="Мониторинг по выявлению предпочтений")
    diagnostics = Indicator.objects.create(
        number=1, name="Доля прошедших диагностику", unit=Indicator.PERCENT, direction=direction
    )
    contests = Indicator.objects.create(number=10, name="Количество конкурсов", unit=Indicator.COUNT)
    for indicator, targets in ((diagnostics, {2021: 10, 2022: 20}), (contests, {2021: 2, 2022: 3})):
        for year, value in targets.items():
            IndicatorTarget.objects.create(indicator=indicator, year=year, value=value)
    amur = DistrictFactory(name="Амурский муниципальный район", slug="amurskii")
    vanino = DistrictFactory(name="Ванинский муниципальный район", slug="vaninskii")
    index = add(home, MonitoringIndexPage(title="Мониторинг", slug="monitoring"))
    report = add(index, MonitoringReportPage(title="Итоги 2022 года", slug="otchet-2022", year=2022))
    return {
        "diagnostics": diagnostics,
        "contests": contests,
        "amur": amur,
        "vanino": vanino,
        "index": index,
        "report": report,
        "direction": direction,
    }
