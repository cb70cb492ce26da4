"""«Дополнительное образование»: the faceted catalogue of programmes."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.pages import PortalPage
from portal.querytext import plain_query
from search import facet_menu

from .. import listing
from ..forms import ProgrammeFilterForm
from .programmes import NAVIGATOR_URL


class ExtracurricularCatalogPage(PortalPage):
    """The krai's programmes of additional education for children, with filters (district, the child's age,
    direction, cost) and words; each leads to the krai's navigator of additional education, where families enrol.
    Programmes are edited in the admin («Дополнительное образование»); this page needs only its introduction."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catalogue of additional education")

    def get_context(self, request, *args, **kwargs):
        """The catalogue: an unknown facet value is reported beside its field and ignored; a bad page number gives
        the first or the last page."""
        context = super().get_context(request, *args, **kwargs)
        labels = listing.labels()
        form = ProgrammeFilterForm(request.GET or None, labels=labels)
        values = form.valid_values()
        query = plain_query(values.pop("q", ""))
        found = listing.search(query, values, page=request.GET.get("page"))
        facets = facet_menu.menu(
            request.GET,
            listing.FACETS,
            titles={facet: form.fields[facet].label for facet in listing.FACETS},
            labels=labels,
            counts=found.counts,
            chosen=values,
        )
        context.update(form=form, found=found, results=found.results, facets=facets, navigator_url=NAVIGATOR_URL)
        return context
