"""Best practices: the programmes and practices sent to the krai competitions (for example «Время выбирать
профессию, место – Дальний Восток»), each with its organisation, district, year, results and materials."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.document_access import DocumentAccess
from portal.pages import PortalPage

from .materials import Material


class BestPracticeIndexPage(PortalPage):
    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["methodics.MethodicsIndexPage"]
    subpage_types = ["methodics.BestPracticePage"]
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
    ]

    class Meta:
        verbose_name = _("best practices collection")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practices"] = (
            BestPracticePage.objects.child_of(self)
            .live()
            .public()
            .select_related("district")
            .order_by("-year", "title")
        )
        return context


class BestPracticePage(PortalPage):
    organisation = models.CharField(_("organisation"), max_length=255)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    competition = models.CharField(_("competition"), max_length=255, blank=True)
    audience = models.CharField(_("for whom"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    results = RichTextField(_("results"), blank=True, editor="basic")
    professions = ParentalManyToManyField(
        "atlas.ProfessionPage", blank=True, related_name="practices", verbose_name=_("atlas professions")
    )

    parent_page_types = ["methodics.BestPracticeIndexPage"]
    subpage_types = []
    search_fields = [*PortalPage.search_fields, index.SearchField("organisation"), index.SearchField("body")]

    def search_facets(self):
        district = [self.district.slug] if self.district_id else []
        return {**super().search_facets(), "district": district, "year": [self.year]}

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("district"),
                FieldPanel("year"),
                FieldPanel("competition"),
                FieldPanel("audience"),
            ],
            heading=_("About"),
        ),
        FieldPanel("body"),
        FieldPanel("results"),
        FieldPanel("professions"),
        InlinePanel("materials", label=_("material"), heading=_("Materials")),
    ]

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            materials=DocumentAccess(request).mark(list(self.materials.select_related("document"))),
            professions=list(self.professions.live().order_by("title")),
        )
        return context


class PracticeMaterial(Material):
    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="materials")
