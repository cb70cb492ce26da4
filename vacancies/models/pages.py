"""The public list of vacancies with its facets, and a page for each vacancy."""

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
from ..forms import VacancyFilterForm
from .vacancies import Vacancy


class VacancyIndexPage(RoutablePageMixin, PortalPage):
    """«Вакансии для молодёжи»: first jobs, summer work, practice placements and target-training contracts that
    approved employers publish and that «Работа России» lists for the krai, with filters (kind, district, profession,
    sector, salary, suitability), and a page for each. This page needs only its introduction."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = []
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("list of vacancies")

    @path("")
    def index_route(self, request):
        """The list: an unknown facet value is reported beside its field and ignored."""
        labels = listing.labels()
        form = VacancyFilterForm(request.GET or None, labels=labels)
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
        context = {"form": form, "found": found, "results": found.results, "facets": facets}
        return self.render(request, context_overrides=context)

    @path("<int:pk>/", name="vacancy")
    def vacancy(self, request, pk):
        """A vacancy's page; one that has closed or expired says so, with status 410 (gone) rather than an error,
        and one never published here is a 404."""
        vacancy = Vacancy.objects.select_related("district", "profession", "organisation").filter(pk=pk).first()
        if vacancy is None or not vacancy.is_open:
            return self.not_open(request, vacancy)
        suitable = set(vacancy.suitable_for or [])
        context = {
            "vacancy": vacancy,
            "district": locales.localized([vacancy.district])[0] if vacancy.district else None,
            "profession": locales.localized([vacancy.profession])[0] if vacancy.profession else None,
            "suitable": [label for value, label in DISABILITY_CATEGORIES if value in suitable],
        }
        return self.render(request, template="vacancies/vacancy.html", context_overrides=context)

    def not_open(self, request, vacancy):
        """A vacancy that was public and has expired or been closed: «no longer open», status 410 (gone). One never
        public here (unknown, unpublished, of an organisation not approved): «not found», 404."""
        was_public = vacancy is not None and vacancy.published and vacancy.was_public
        if was_public:
            message = gettext("This vacancy is no longer open: its period has ended or the employer has closed it.")
        else:
            message = gettext("This vacancy is not open or has never been published here.")
        response = self.render(
            request,
            template="vacancies/not_open.html",
            context_overrides={"message": message, "vacancy_title": vacancy.title if was_public else ""},
        )
        response.status_code = 410 if was_public else 404
        return response
