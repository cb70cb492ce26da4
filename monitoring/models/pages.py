"""The monitoring section's index: the indicators and the reports, and its routes: the series of one indicator,
the picture of one district and the report search."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from atlas.models import MunicipalDistrict
from portal import locales
from portal.pages import PortalPage
from portal.querytext import plain_query
from search import facet_menu

from .. import facets
from ..charts import bar_chart
from ..figures import Figures, portal_counts
from ..forms import ReportSearchForm
from .indicators import Indicator, show_in_language
from .reports import MonitoringReportPage


class MonitoringIndexPage(RoutablePageMixin, PortalPage):
    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["monitoring.MonitoringReportPage"]
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("monitoring section")

    @path("")
    def index_route(self, request):
        """The section itself: its figures only here, not on the other routes, which render the page too."""
        figures = Figures()
        districts = list(MunicipalDistrict.objects.in_default_locale().order_by("name"))
        context = {
            "figures": figures,
            "years": figures.years,
            "reports": MonitoringReportPage.objects.child_of(self).live().public().order_by("-year"),
            # Observations and addresses are keyed by the districts of the default language; each is shown in the
            # visitor's language where translated (pairs: the district, the one shown).
            "districts": zip(districts, locales.localized(districts), strict=True),
        }
        return self.render(request, context_overrides=context)

    def not_found(self, request, message):
        response = self.render(request, template="monitoring/not_found.html", context_overrides={"message": message})
        response.status_code = 404
        return response

    @path("pokazatel/<int:number>/", name="indicator")
    def indicator(self, request, number):
        indicators = Indicator.objects.in_default_locale().prefetch_related("targets").select_related("direction")
        indicator = indicators.filter(number=number).first()
        if indicator is None:
            return self.not_found(
                request,
                gettext("There is no indicator number %(number)s; the programme has %(count)s.")
                % {"number": number, "count": Indicator.objects.in_default_locale().count()},
            )
        figures = Figures([indicator])
        if indicator.direction:
            show_in_language([indicator.direction])
        item = figures.indicators[0]
        latest = max(item.krai, default=None)
        context = {
            "indicator": indicator,
            "item": item,
            "years": figures.years,
            "demo": figures.demo,
            "trend_chart": bar_chart(
                [(str(y), item.krai[y].value if y in item.krai else None) for y in figures.years],
                Figures.target(indicator, latest) if latest else None,
            ),
            "latest": latest,
            "portal_rows": portal_counts([indicator], figures).get(indicator.pk, []),
        }
        return self.render(request, template="monitoring/indicator.html", context_overrides=context)

    @path("poisk/", name="search")
    def search(self, request):
        """Reports by words and facets; an unknown facet value is reported beside its field and ignored."""
        labels = facets.labels()
        form = ReportSearchForm(request.GET or None, labels=labels)
        values = form.valid_values()
        query = plain_query(values.pop("q", ""))
        result = facets.search_reports(query, values, locale=self.locale)
        menu = facet_menu.menu(
            request.GET,
            facets.FACETS,
            titles={facet: form.fields[facet].label for facet in facets.FACETS},
            labels=labels,
            counts=result.counts,
            chosen=values,
        )
        context = {"form": form, "query": query, "reports": result.reports, "facets": menu}
        return self.render(request, template="monitoring/report_search.html", context_overrides=context)

    @path("raion/<slug:slug>/", name="district")
    def district(self, request, slug):
        district = MunicipalDistrict.objects.filter(slug=slug, locale__language_code=locales.default_language()).first()
        if district is None:
            message = gettext("There is no district «%(slug)s» in the monitoring.") % {"slug": slug[:60]}
            return self.not_found(request, message)
        figures = Figures(district=district)
        rows = [(item, item.districts.get(district, {})) for item in figures.indicators]
        context = {
            "district": district,
            "district_shown": locales.localized([district])[0],
            "rows": rows,
            "years": figures.years,
            "demo": figures.demo,
        }
        return self.render(request, template="monitoring/district.html", context_overrides=context)
