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
from .indicators import Indicator
from .observations import PROGRAMME_YEARS


class MonitoringReportPage(RoutablePageMixin, PortalPage):
    year = models.PositiveSmallIntegerField(_("year"), choices=[(y, str(y)) for y in PROGRAMME_YEARS])
    directions = ParentalManyToManyField(
        "monitoring.MonitoringDirection",
        blank=True,
        related_name="reports",
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
        # The facets of the report search (monitoring.facets), indexed for OpenSearch's aggregations.
        index.FilterField("search_year"),
        index.FilterField("search_districts"),
        index.FilterField("search_indicators"),
        index.FilterField("search_directions"),
    ]
    search_kind = "report"

    def search_facets(self):
        return {**super().search_facets(), "year": [self.year]}

    content_panels = [
        *Page.content_panels,
        FieldPanel("year"),
        FieldPanel("directions"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")

    def facet_tags(self):
        # Late: monitoring.facets, the report search, reads this model (LATE_IMPORTS in tests/test_import_graph.py).
        from monitoring.facets import facet_values

        if not hasattr(self, "_facet_tags"):
            self._facet_tags = facet_values([self])[self.pk]
        return self._facet_tags

    def search_indicator_names(self):
        """«Показатель 4. Доля …» for every indicator the report covers: analysts search by number."""
        with translation.override(self.locale.language_code):
            return " ".join(f"{_('Indicator')} {indicator.number}. {indicator.name}" for indicator in self.indicators())

    def search_year(self):
        return str(self.year)

    def search_districts(self):
        return sorted(self.facet_tags()["district"])

    def search_indicators(self):
        return sorted(self.facet_tags()["indicator"])

    def search_directions(self):
        return sorted(self.facet_tags()["direction"])

    def indicators(self):
        indicators = Indicator.objects.prefetch_related("targets").select_related("direction")
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
