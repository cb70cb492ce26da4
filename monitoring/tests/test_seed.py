"""The seed: the ten indicators exactly as the programme states them, demonstration observations, reports."""

import json

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from atlas.models import MunicipalDistrict
from monitoring.models import Indicator, MonitoringReportPage, Observation
from monitoring.seed import MERGED_ROWS


def test_seed_has_the_ten_indicators_with_their_targets_and_marked_demo_data(seeded_site, db):
    source = json.loads(
        (settings.BASE_DIR / "media_seed" / "programme" / "indicators.json").read_text(encoding="utf-8")
    )
    indicators = Indicator.objects.in_default_locale()
    assert indicators.count() == len(source) == 10
    for data in source:
        indicator = indicators.get(number=data["number"])
        assert indicator.name == data["name_ru"]
        english = indicator.get_translation(Locale.objects.get(language_code="en"))
        assert (english.name, english.number, english.unit) == (data["name_en"], indicator.number, indicator.unit)
        assert not english.targets.exists() and english.direction is None  # the figures stay with the original
        assert {str(t.year): float(t.value) for t in indicator.targets.all()} == {
            year: float(value) for year, value in data["targets"].items()
        }
    # Every indicator has its direction; 3 and 7 that of the row their empty cell is merged with (2's and 6's).
    assert not indicators.filter(direction=None).exists()
    for number, row in MERGED_ROWS.items():
        assert indicators.get(number=number).direction == indicators.get(number=row).direction
    assert indicators.get(number=7).direction.number == 5  # «Мониторинг по проведению ранней профориентации»
    districts = MunicipalDistrict.objects.filter(locale__language_code="ru").count()
    shares = indicators.filter(unit=Indicator.PERCENT).count()
    assert Observation.objects.filter(district__isnull=False).count() == districts * shares * 3
    assert not Observation.objects.filter(is_demo=False).exists()  # all of it is marked as demonstration data
    assert sorted(MonitoringReportPage.objects.live().values_list("year", flat=True)) == [2021, 2022, 2023]
    count = Observation.objects.count()
    call_command("load_seed", "--no-index", verbosity=0)
    assert Observation.objects.count() == count
