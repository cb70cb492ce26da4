"""The monitoring section of the demo site: the ten indicators with their targets and the monitoring
directions exactly as the programme states them (media_seed/programme/), generated demonstration
observations for every district for 2021–2023 (marked as such everywhere they are shown), and one report
per year. Idempotent: indicators are matched by number, observations are only generated where none exist."""

import json
import random
from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale, Site

from atlas.models import MunicipalDistrict
from portal.seeding import PageSeeder
from portal.translatable_rows import translate_row

from .models import (
    Indicator,
    IndicatorTarget,
    MonitoringDirection,
    MonitoringIndexPage,
    MonitoringReportPage,
    Observation,
)

PROGRAMME = settings.BASE_DIR / "media_seed" / "programme"
DEMO_YEARS = (2021, 2022, 2023)
DEMO_SOURCE = "Демонстрационные данные портала"


def words(text):
    return " ".join(text.lower().replace(",", " ").split())


# The document's table leaves the «assessment position» cell of indicators 3 and 7 empty: it is merged with the row
# above (indicator 2's and 6's), so they belong to those rows' monitoring directions (indicators.json's notes say so).
MERGED_ROWS = {3: 2, 7: 6}


def position_of(data):
    """The indicator's «assessment position», the merged row's for indicators 3 and 7."""
    if data.get("position_ru") or data["number"] not in MERGED_ROWS:
        return data.get("position_ru")
    rows = {row["number"]: row for row in Seeder.read("indicators.json")}
    return rows[MERGED_ROWS[data["number"]]].get("position_ru")


class Seeder(PageSeeder):
    def run(self):
        monitoring = json.loads((PROGRAMME / "monitoring_directions.json").read_text(encoding="utf-8"))
        russian = Locale.get_default()
        english = Locale.objects.filter(language_code="en").first()
        directions = []
        for d in monitoring["directions"]:
            direction = MonitoringDirection.objects.update_or_create(
                locale=russian, number=d["number"], defaults={"name": d["ru"]}
            )[0]
            if d["en"]:
                translate_row(direction, english, name=d["en"])
            directions.append(direction)
        indicators = []
        for data in self.read("indicators.json"):
            indicator = self.indicator(data, directions, russian)
            english_words = {
                "name": data.get("name_en", ""),
                "share_of": data.get("share_of_en") or "",
                "sources": "\n".join(data.get("sources_en") or []),
            }
            if english_words["name"]:
                translate_row(indicator, english, **english_words)
            indicators.append(indicator)
        self.observations(indicators)
        home = Site.objects.get(is_default_site=True).root_page
        index = self.upsert(
            home,
            MonitoringIndexPage,
            "monitoring",
            title="Мониторинг",
            show_in_menus=True,
            summary="Десять показателей программы: целевые значения, данные по районам и годам, ежегодные отчёты.",
            easy_read_summary="Здесь видно, как край выполняет программу.\nДля каждого года есть отчёт.",
            introduction=f"<p>{monitoring['intro_ru']}</p><p>Цель мониторинга — {monitoring['goal_ru']}</p>"
            "<p>Органы местного самоуправления представляют оперативные данные не реже раза в год; "
            "министерство и ХК ИРО анализируют их и публикуют результаты.</p>",
        )
        for year in DEMO_YEARS:
            self.upsert(
                index,
                MonitoringReportPage,
                f"otchet-{year}",
                title=f"Мониторинг профориентации: итоги {year} года",
                year=year,
                summary=f"Значения десяти показателей программы за {year} год в крае и по районам, "
                "сравнение с целевыми.",
                body=json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": "<p>Отчёт собран из данных, которые районы представили за год: таблицы и "
                            "диаграммы ниже построены автоматически. Районы ниже целевого значения выделены. "
                            "<em>Данные демонстрационные: аналитический текст появится, когда ХК ИРО опубликует "
                            "результаты мониторинга.</em></p>",
                        }
                    ],
                    ensure_ascii=False,
                ),
            )
        return self.created

    @staticmethod
    def read(name):
        return json.loads((PROGRAMME / name).read_text(encoding="utf-8"))

    def indicator(self, data, directions, locale):
        position = words(position_of(data) or "")[3:60]
        direction = next((d for d in directions if position and position in words(d.name)), None)
        indicator, created = Indicator.objects.get_or_create(
            locale=locale,
            number=data["number"],
            defaults={
                "name": data["name_ru"],
                "unit": Indicator.PERCENT if data["unit"] == "percent" else Indicator.COUNT,
                "share_of": data.get("share_of_ru") or "",
                "sources": "\n".join(data.get("sources_ru") or []),
                "direction": direction,
            },
        )
        if not created and indicator.direction is None and direction is not None:  # a seed from before MERGED_ROWS
            indicator.direction = direction
            indicator.save(update_fields=["direction"])
        if created or self.refresh:
            for year, value in data["targets"].items():
                IndicatorTarget.objects.update_or_create(
                    indicator=indicator, year=int(year), defaults={"value": Decimal(str(value))}
                )
        return indicator

    def observations(self, indicators):
        """Plausible made-up figures: district sizes from the district's kind, shares scattered around the
        year's target so that some districts fall below it; the count indicator (competitions) krai-wide."""
        if Observation.objects.filter(is_demo=True).exists():
            return
        districts = list(MunicipalDistrict.objects.filter(locale__language_code="ru").order_by("name"))
        rows = []
        for indicator in indicators:
            targets = {t.year: t.value for t in indicator.targets.all()}
            for year in DEMO_YEARS:
                target = float(targets.get(year, 0))
                if not indicator.is_share:
                    rng = random.Random(f"{indicator.number}-krai-{year}")  # noqa: S311 - demo figures, not secrets
                    rows.append(
                        self.demo(indicator, None, year, max(0, round(target + rng.choice((-1, 0, 0, 1)))), None)
                    )
                    continue
                for district in districts:
                    rng = random.Random(f"{indicator.number}-{district.slug}-{year}")  # noqa: S311
                    size = rng.randint(40_000, 80_000) if district.kind == "city_okrug" else rng.randint(800, 9_000)
                    # Each district keeps its own level over the years, so some lag and some lead.
                    level = random.Random(district.slug).uniform(0.8, 1.3)  # noqa: S311
                    share = min(max(target * level * rng.uniform(0.9, 1.1), 0), 100)
                    rows.append(self.demo(indicator, district, year, round(size * share / 100), size))
        for observation in rows:
            observation.compute()
        Observation.objects.bulk_create(rows)

    @staticmethod
    def demo(indicator, district, year, numerator, denominator):
        return Observation(
            indicator=indicator,
            district=district,
            year=year,
            numerator=numerator,
            denominator=denominator,
            source=DEMO_SOURCE,
            is_demo=True,
        )
