"""Direction 9 of the monitoring, computed: do the professions students choose match what the krai's labour market
needs? The career builder counts the profession of each first route a student builds (``RouteChoiceTally``: year,
district, grade band, profession, anonymous). A route is towards an in-demand profession when the atlas rates the
profession's demand in the krai as high, or lists the student's district among those where it is in demand. The
share of such routes per district and year is shown on the monitoring's pages with this method in words, beside
the professions most chosen where they are not in demand and the high-demand professions least chosen.

Four queries for any number of routes and districts; routes without a district count for the krai only."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.template.loader import render_to_string

from atlas.models import MunicipalDistrict, ProfessionPage
from portal import locales

from .models import RouteChoiceTally

HIGH = "high"
MISMATCHES_SHOWN = 5


def share(part, whole):
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if whole else None


@dataclass
class Row:
    district: object  # a MunicipalDistrict, None for routes whose district is not known
    routes: int = 0
    towards_demand: int = 0

    @property
    def share(self):
        return share(self.towards_demand, self.routes)


@dataclass
class YearPreferences:
    year: int
    rows: list = field(default_factory=list)  # Row per district, by name; the unknown district last
    krai: Row = field(default_factory=lambda: Row(None))
    chosen_not_in_demand: list = field(default_factory=list)  # (profession, routes where it is not in demand)
    in_demand_rarely_chosen: list = field(default_factory=list)  # (profession, routes), high demand, fewest first


def computed(years=None):
    """{year: YearPreferences} of the years with routes counted (``years`` limits them), newest first."""
    tallies = RouteChoiceTally.objects.order_by()
    if years is not None:
        tallies = tallies.filter(year__in=years)
    cells = (
        tallies.values("year", "district", "profession")
        .annotate(routes=Sum("routes"))
        .values_list("year", "district", "profession", "routes")
    )
    cells = list(cells)
    if not cells:
        return {}
    professions = {
        page.pk: page
        for page in ProfessionPage.objects.filter(locale__language_code=locales.default_language())
        .only("pk", "title", "slug", "demand_level", "url_path", "locale_id", "translation_key", "live")
        .prefetch_related("districts")
    }
    in_demand_districts = {pk: {d.pk for d in page.districts.all()} for pk, page in professions.items()}
    years = defaultdict(lambda: {"rows": {}, "not_in_demand": Counter(), "chosen": Counter()})
    for year, district, profession, routes in cells:
        page = professions.get(profession)
        if page is None:  # a card withdrawn since: not counted either way
            continue
        wanted = page.demand_level == HIGH or district in in_demand_districts[profession]
        data = years[year]
        row = data["rows"].setdefault(district, Row(district))
        row.routes += routes
        row.towards_demand += routes if wanted else 0
        data["chosen"][profession] += routes
        if not wanted:
            data["not_in_demand"][profession] += routes
    districts = {d.pk: d for d in MunicipalDistrict.objects.in_default_locale()}
    result = {}
    high = sorted((page for page in professions.values() if page.demand_level == HIGH), key=lambda page: page.title)
    for year in sorted(years, reverse=True):
        data = years[year]
        found = YearPreferences(year)
        for district, row in data["rows"].items():
            row.district = districts.get(district) if district else None
            found.krai.routes += row.routes
            found.krai.towards_demand += row.towards_demand
        found.rows = sorted(data["rows"].values(), key=lambda row: (row.district is None, str(row.district or "")))
        found.chosen_not_in_demand = [
            (professions[pk], routes)
            for pk, routes in sorted(
                data["not_in_demand"].items(), key=lambda item: (-item[1], professions[item[0]].title)
            )
        ][:MISMATCHES_SHOWN]
        found.in_demand_rarely_chosen = sorted(
            ((page, data["chosen"][page.pk]) for page in high), key=lambda item: (item[1], item[0].title)
        )[:MISMATCHES_SHOWN]
        result[year] = found
    return result


def _shown(found):
    """The professions and districts of ``found`` in the visitor's language (two queries; none in the default
    language)."""
    pages = [page for pairs in (found.chosen_not_in_demand, found.in_demand_rarely_chosen) for page, _n in pairs]
    shown = dict(zip([page.pk for page in pages], locales.localized(pages), strict=True))
    found.chosen_not_in_demand = [(shown[page.pk], n) for page, n in found.chosen_not_in_demand]
    found.in_demand_rarely_chosen = [(shown[page.pk], n) for page, n in found.in_demand_rarely_chosen]
    named = [row for row in found.rows if row.district is not None]
    for row, district in zip(named, locales.localized([row.district for row in named]), strict=True):
        row.district = district
    return found


def monitoring_block(request, page):
    """The monitoring section's page: the newest year with routes counted."""
    found = next(iter(computed().values()), None)
    context = {"found": _shown(found) if found else None}
    return render_to_string("career/includes/preferences.html", context, request=request)


def report_block(request, page):
    """A yearly report: its own year."""
    found = computed(years=[page.year]).get(page.year)
    context = {"found": _shown(found) if found else None, "year": page.year}
    return render_to_string("career/includes/preferences.html", context, request=request)
