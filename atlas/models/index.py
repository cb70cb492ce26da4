from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal import lookups
from portal.former_addresses import moved_permanently
from portal.pages import PortalPage, paginate, when_shown

from ..exchange import export_professions
from ..filters import AtlasFilterForm
from .pages import ProfessionPage, with_pictures
from .snippets import EducationalOrganization, Employer, MunicipalDistrict, Sector


class AtlasIndexPage(RoutablePageMixin, PortalPage):
    """«Атлас востребованных профессий Хабаровского края»: every profession card, with filters that
    combine, and a page for each sector, employer, educational organisation and district."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["atlas.ProfessionPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), *PortalPage.summary_panels]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("atlas of professions")

    def professions(self):
        return with_pictures(ProfessionPage.objects.live().public().child_of(self)).only(
            "title",
            "url_path",
            "slug",
            "summary",
            "education_level",
            "demand_level",
            "salary_min",
            "salary_max",
            "salary_source",
            "is_future_profession",
            "klimov_type",
            "sector__name",
            "sector__slug",
            "sector__illustration",
            "image",
            "path",
            "depth",
            "locale_id",
            "content_type_id",
        )

    def filter_form(self, request):
        locale = self.locale_id
        # The reference lists change only with the content: looked up once per content version (portal.lookups).
        sectors, districts = lookups.lookup(
            "atlas-filter-choices",
            locale,
            build=lambda: (
                list(Sector.objects.filter(locale_id=locale).only("slug", "name")),
                list(MunicipalDistrict.objects.filter(locale_id=locale).only("slug", "name")),
            ),
        )
        return AtlasFilterForm(request.GET or None, sectors=sectors, districts=districts)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request)
        context["form"] = form
        context["professions"] = when_shown(lambda: paginate(request, form.apply(self.professions()), per_page=24))
        return context

    # -- pages of the reference data ------------------------------------------------------------------
    def _listing(self, request, obj, kind, professions, template="atlas/atlas_detail.html"):
        context = self.get_context(request)
        context.update(object=obj, kind=kind, professions=paginate(request, professions.order_by("title"), 24))
        return TemplateResponse(request, template, context)

    def _get(self, model, slug):
        return get_object_or_404(model, slug=slug, locale_id=self.locale_id)

    @path("otrasli/<slug:slug>/", name="sector")
    def sector(self, request, slug):
        sector = self._get(Sector, slug)
        return self._listing(request, sector, "sector", self.professions().filter(sector=sector))

    @path("rabotodateli/<slug:slug>/", name="employer")
    def employer(self, request, slug):
        employer = self._get(Employer, slug)
        response = self._listing(request, employer, "employer", self.professions().filter(employers=employer))
        response.context_data["districts"] = list(employer.districts.filter(locale_id=self.locale_id))
        return response

    @path("uchebnye-zavedeniya/<slug:slug>/", name="former_organisation")
    def former_organisation(self, request, slug):
        """An organisation's first address, in another transliteration than the portal's: it moved."""
        return moved_permanently(request, self.get_url(request) + self.reverse_subpage("organisation", args=[slug]))

    @path("uchebnye-zavedeniia/<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        organisation = self._get(EducationalOrganization, slug)
        return self._listing(
            request, organisation, "organisation", self.professions().filter(organisations=organisation)
        )

    @path("raiony/<slug:slug>/", name="district")
    def district(self, request, slug):
        district = self._get(MunicipalDistrict, slug)
        return self._listing(request, district, "district", self.professions().filter(districts=district))

    # -- open data ------------------------------------------------------------------------------------
    # Wagtail serves only addresses made of slugs ending in «/», hence no «.csv» in the address itself.
    @path("opendata/<str:fmt>/", name="open_data")
    def open_data(self, request, fmt):
        if fmt not in ("csv", "json"):
            raise Http404
        body, content_type = export_professions(self, fmt)
        response = (
            JsonResponse(body, safe=False, json_dumps_params={"ensure_ascii": False})
            if fmt == "json"
            else HttpResponse(body, content_type=content_type)
        )
        response["Content-Disposition"] = f'attachment; filename="atlas-professions.{fmt}"'
        return response
