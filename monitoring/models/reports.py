"""The yearly monitoring reports: tables, charts, a PDF and the data behind them."""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.builds import serve
from portal.pages import PortalPage
from portal.spreadsheets import table_response

from ..charts import bar_chart
from ..figures import Figures, portal_counts
from ..tables import report_rows
from .indicators import Indicator, MonitoringDirection, in_default_locale, show_in_language
from .observations import PROGRAMME_YEARS, Observation


class MonitoringReportPage(RoutablePageMixin, PortalPage):
    year = models.PositiveSmallIntegerField(_("year"), choices=[(y, str(y)) for y in PROGRAMME_YEARS])
    directions = ParentalManyToManyField(
        "monitoring.MonitoringDirection",
        blank=True,
        related_name="reports",
        limit_choices_to=in_default_locale,
        verbose_name=_("monitoring directions covered"),
        help_text=_("Leave empty for all indicators."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("analysis"), blank=True)

    parent_page_types = ["monitoring.MonitoringIndexPage"]
    subpage_types = []
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("body"),
        index.SearchField("search_indicator_names"),
        index.FilterField("year"),
    ]
    search_kind = "report"

    def search_facets(self):
        """The report's year; the directions it covers (all when the editors chose none); the indicators of
        those directions; the districts below target for at least one of them (``facet_values``)."""
        # Prepared for one indexing only: observations may change before the next.
        values = self.__dict__.pop("_prepared_search_facets", None)
        if values is None:
            values = facet_values([self])[self.pk]
        return {**super().search_facets(), **values}

    @classmethod
    def prepare_search_facets(cls, reports):
        """The facets of a chunk of reports being indexed, with the queries of ``facet_values`` for all of them."""
        values = facet_values(reports)
        for report in reports:
            report._prepared_search_facets = values[report.pk]

    content_panels = [
        *Page.content_panels,
        FieldPanel("year"),
        FieldPanel("directions"),
        *PortalPage.summary_panels,
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")

    def search_indicator_names(self):
        """«Показатель 4. Доля …» for every indicator the report covers: analysts search by number."""
        with translation.override(self.locale.language_code):
            indicators = show_in_language(self.indicators())
            return " ".join(f"{_('Indicator')} {indicator.number}. {indicator.shown.name}" for indicator in indicators)

    def indicators(self):
        """The indicators the report covers (of the default language, with their targets)."""
        indicators = Indicator.objects.in_default_locale().prefetch_related("targets").select_related("direction")
        directions = [d.pk for d in self.directions.all()]
        return indicators.filter(direction__in=directions) if directions else indicators

    def report_context(self):
        figures = Figures(self.indicators(), years=range(PROGRAMME_YEARS[0], self.year + 1))
        portal = portal_counts([item.indicator for item in figures.indicators], figures, year=self.year)
        sections = []
        for item in figures.indicators:
            cell = item.krai.get(self.year)
            target = cell.target if cell else Figures.target(item.indicator, self.year)
            district_rows = [
                (d.name, cells[self.year].value) for d, cells in item.districts.items() if self.year in cells
            ]
            sections.append(
                {
                    "figures": item,
                    "cell": cell,
                    "below": item.below_target(self.year),
                    "district_rows": district_rows,
                    "district_chart": bar_chart(district_rows, target),
                    "district_chart_id": f"districts-{item.indicator.number}",
                    "trend_chart_id": f"trend-{item.indicator.number}",
                    "trend_chart": bar_chart(
                        [(str(year), item.krai[year].value if year in item.krai else None) for year in figures.years],
                        target,
                    ),
                    "trend": [(year, item.krai.get(year)) for year in figures.years],
                    "portal_rows": portal.get(item.indicator.pk, []),
                }
            )
        return {"figures": figures, "sections": sections, "summary": figures.summary(self.year)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.report_context())
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return serve(request, self, "report-pdf")

    @path("dannye/<str:fmt>/", name="data")
    def data(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        rows = report_rows(self.report_context())
        return table_response(rows, fmt, f"{self.title}.{fmt}", sheet_title=str(self.year))


def facet_values(reports):
    """{report pk: {facet: set of str}} for ``reports``, with five queries whatever their number. The districts
    are those below target for an indicator the report covers (an analyst looks for «the reports where my
    district lagged»)."""
    reports = list(reports)
    years = {r.year for r in reports}
    indicators = list(Indicator.objects.in_default_locale().select_related("direction").prefetch_related("targets"))
    targets = {(t.indicator_id, t.year): t.value for i in indicators for t in i.targets.all()}
    below = {}  # (year, indicator pk) -> {district slug}
    current = Observation.objects.reported().filter(is_current=True, year__in=years, district__isnull=False)
    for obs in current.select_related("district"):
        target = targets.get((obs.indicator_id, obs.year))
        if target is not None and obs.value < target:
            below.setdefault((obs.year, obs.indicator_id), set()).add(obs.district.slug)
    all_directions = {str(d.number) for d in MonitoringDirection.objects.in_default_locale()}
    chosen = {}
    for link in MonitoringReportPage.directions.through.objects.filter(monitoringreportpage__in=reports).select_related(
        "monitoringdirection"
    ):
        chosen.setdefault(link.monitoringreportpage_id, set()).add(str(link.monitoringdirection.number))
    values = {}
    for report in reports:
        directions = chosen.get(report.pk)
        covered = [i for i in indicators if not directions or (i.direction and str(i.direction.number) in directions)]
        values[report.pk] = {
            "year": {str(report.year)},
            "direction": directions or all_directions,
            "indicator": {str(i.number) for i in covered},
            "district": set().union(*(below.get((report.year, i.pk), set()) for i in covered)),
        }
    return values
