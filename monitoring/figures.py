"""The numbers the reports show, computed from the current observations with one query per view: the
krai's value of each indicator (the krai-wide observation when there is one, otherwise the districts'
numerators and denominators added up), its target, the districts below target, and the series by year."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import ngettext

from .models.indicators import Indicator, show_in_language
from .models.observations import PROGRAMME_YEARS, Observation, share
from .portal_counts import PortalCount, registered


@dataclass
class Cell:
    value: Decimal | None
    target: Decimal | None

    @property
    def met(self):
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target


@dataclass
class IndicatorFigures:
    indicator: Indicator
    krai: dict = field(default_factory=dict)  # year -> Cell
    districts: dict = field(default_factory=dict)  # district -> {year -> Cell}
    demo: bool = False

    def below_target(self, year):
        return [d for d, cells in self.districts.items() if cells.get(year) and cells[year].met is False]


class Figures:
    """Every current observation of ``indicators`` (of the default language; all of them when not given) for
    ``years``, arranged for tables and charts; each indicator ``shown`` in the visitor's language."""

    def __init__(self, indicators=None, years=PROGRAMME_YEARS, district=None):
        self.years = list(years)
        if indicators is None:
            indicators = Indicator.objects.in_default_locale().prefetch_related("targets")
        indicators = show_in_language(indicators)
        observations = (
            Observation.objects.reported()
            .filter(is_current=True, indicator__in=indicators, year__in=self.years)
            .select_related("district")
        )
        if district is not None:
            observations = observations.filter(district=district)
        by_indicator = {i.pk: IndicatorFigures(i) for i in indicators}
        totals = {}  # (indicator, year) -> [numerator sum, denominator sum, krai-wide observation]
        for obs in observations:
            figures = by_indicator[obs.indicator_id]
            figures.demo = figures.demo or obs.is_demo
            if obs.district_id is None:
                totals.setdefault((obs.indicator_id, obs.year), [0, 0, None])[2] = obs
                continue
            target = self.target(figures.indicator, obs.year)
            figures.districts.setdefault(obs.district, {})[obs.year] = Cell(obs.value, target)
            sums = totals.setdefault((obs.indicator_id, obs.year), [0, 0, None])
            sums[0] += obs.numerator
            sums[1] += obs.denominator or 0
        for (indicator_id, year), (numerator, denominator, krai_wide) in totals.items():
            figures = by_indicator[indicator_id]
            if krai_wide is not None:
                value = krai_wide.value
            elif figures.indicator.is_share:
                value = share(numerator, denominator) if denominator else None
            else:
                value = Decimal(numerator)
            figures.krai[year] = Cell(value, self.target(figures.indicator, year))
        for figures in by_indicator.values():
            figures.districts = dict(sorted(figures.districts.items(), key=lambda item: item[0].name))
        self.indicators = list(by_indicator.values())

    @staticmethod
    def target(indicator, year):
        return next((t.value for t in indicator.targets.all() if t.year == year), None)

    @property
    def demo(self):
        return any(f.demo for f in self.indicators)

    def summary(self, year):
        """«7 из 10 показателей достигли целевого значения» for ``year``."""
        cells = [f.krai.get(year) for f in self.indicators]
        measured = [c for c in cells if c is not None and c.met is not None]
        met = sum(1 for c in measured if c.met)
        text = ngettext(
            "%(met)s of %(total)s indicators reached its target",
            "%(met)s of %(total)s indicators reached their targets",
            met,
        ) % {"met": met, "total": len(self.indicators)}
        missing = len(self.indicators) - len(measured)
        if missing:
            text += ngettext("; %(count)s has no data or target", "; %(count)s have no data or target", missing) % {
                "count": missing
            }
        return text


@dataclass
class PortalRow:
    """One current observation counted by the portal, beside what the municipality reported for the same
    place and year."""

    observation: Observation
    reported: Decimal | None
    count: PortalCount  # what the portal counted, in the words of the app that counts


def band_order(band):
    """All grades first, then the bands by their first grade: «5-7» before «10-11»."""
    return int(band.split("-")[0]) if band else 0


def portal_counts(indicators, figures, year=None):
    """{indicator pk: [PortalRow]} — newest year first, the krai before the districts, all grades before the
    grade bands — with one query."""
    by_pk = {item.indicator.pk: item for item in figures.indicators}
    counts = registered()
    observations = Observation.objects.from_portal().filter(is_current=True, indicator__in=indicators)
    if year is not None:
        observations = observations.filter(year=year)
    rows = {}
    for obs in observations.select_related("district"):
        item = by_pk.get(obs.indicator_id)
        count = counts.get(item.indicator.number) if item else None
        if count is None:  # the app that counted is no longer installed: its words are gone with it
            continue
        cells = (item.krai if obs.district_id is None else item.districts.get(obs.district, {})) if item else {}
        cell = cells.get(obs.year) if obs.grade_band == "" else None
        rows.setdefault(obs.indicator_id, []).append(PortalRow(obs, cell.value if cell else None, count))
    for items in rows.values():
        items.sort(
            key=lambda r: (
                -r.observation.year,
                r.observation.district is not None,
                r.observation.district.name if r.observation.district else "",
                band_order(r.observation.grade_band),
            )
        )
    return rows
