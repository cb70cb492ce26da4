"""The public list of opportunities with its facets, and a page for each opportunity."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES
from portal.pages import PortalPage
from portal.querytext import plain_query
from search import facet_menu

from .. import listing
from ..forms import OpportunityFilterForm
from .opportunities import Opportunity


class OpportunityIndexPage(RoutablePageMixin, PortalPage):
    """«Профпробы, экскурсии, практики»: what approved employers and colleges offer school classes and students, with
    filters (kind, district, profession, sector, dates, grade, accessibility), and a page for each. Organisations
    write the opportunities themselves in the admin; this page needs only its introduction."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("list of opportunities")

    @path("")
    def index_route(self, request):
        """The list: an unknown facet value or a malformed date is reported beside its field and ignored."""
        labels = listing.labels()
        form = OpportunityFilterForm(request.GET or None, labels=labels)
        values = form.valid_values()
        query = plain_query(values.pop("q", ""))
        period = values.pop("period", None)
        first, last = values.pop("date_from", None), values.pop("date_to", None)
        dates = listing.period_dates(period) if period else (first, last) if first or last else None
        found = listing.search(query, values, dates=dates, page=request.GET.get("page"))
        facets = facet_menu.menu(
            request.GET,
            listing.FACETS,
            titles={facet: form.fields[facet].label for facet in listing.FACETS},
            labels=labels,
            counts=found.counts,
            chosen=values,
        )
        context = {"form": form, "found": found, "results": found.results, "facets": facets}
        return self.render(request, context_overrides=context)

    @path("<int:pk>/", name="opportunity")
    def opportunity(self, request, pk):
        opportunity = Opportunity.objects.listed().select_related("organisation", "district").filter(pk=pk).first()
        if opportunity is None:
            response = self.render(
                request,
                template="opportunities/not_found.html",
                context_overrides={
                    "message": gettext("This opportunity is over, withdrawn or has never been published here.")
                },
            )
            response.status_code = 404
            return response
        listing.with_parts([opportunity])
        adapted = {row.category: row for row in opportunity.accessibility.all()}
        context = {
            "opportunity": opportunity,
            "district": locales.localized([opportunity.district])[0],
            "professions": listing.professions_in_language(opportunity),
            "accessibility": [(label, adapted.get(value)) for value, label in DISABILITY_CATEGORIES],
            "photos": list(opportunity.photos.select_related("image")),
            "today": timezone.localdate(),
        }
        return self.render(request, template="opportunities/opportunity.html", context_overrides=context)
