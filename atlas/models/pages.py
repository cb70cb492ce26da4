"""The profession card (профессиограмма) and the browsable atlas."""

import functools
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.blocks import CharBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal import locales
from portal.addresses import public_url
from portal.blocks import ImageBlock, VideoBlock
from portal.builds import serve
from portal.disabilities import DISABILITY_CATEGORIES, SUITABILITY_DEGREES, SUITED_DEGREES
from portal.facets import slugs
from portal.pages import PortalPage, when_shown

from ..jsonld import occupation
from .snippets import LEVELS, EducationalOrganization, Employer, InvestmentProject, MunicipalDistrict, Sector

KLIMOV_TYPES = [
    ("nature", _("person – nature")),
    ("technique", _("person – technology")),
    ("human", _("person – person")),
    ("sign", _("person – sign system")),
    ("art", _("person – artistic image")),
]
DEMAND_LEVELS = [("high", _("high")), ("medium", _("medium")), ("low", _("low"))]
LINES_HELP = _("One per line.")
# What ProfessionPage.card_context gives the card's template, beside the page.
CARD_PARTS = (
    "atlas",
    "subjects",
    "specialties",
    "organisations",
    "employers",
    "projects",
    "districts",
    "suitability",
    "related",
)


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def item_list(verbose_name):
    """A list editors add items to, reorder and shorten one item at a time; wagtail-localize translates it
    item by item, and the search indexes every item (StreamField.get_searchable_content)."""
    return StreamField([("item", CharBlock(label=_("item")))], blank=True, verbose_name=verbose_name)


def with_pictures(professions):
    """``professions`` with each card's picture and its sector's illustration, and their renditions: three queries
    more in all, whatever the number of cards (the list cards show ProfessionPage.picture)."""
    return professions.select_related("sector", "sector__illustration", "image").prefetch_related(
        "image__renditions", "sector__illustration__renditions"
    )


def items(stream):
    """The texts of an item_list, in order, without empty ones."""
    return [text for child in stream if (text := str(child.value).strip())]


def names_of(cards):
    """(id, title, everyday names) of each card of ``cards``, the names read from the stored JSON: making 10,000
    StreamValues takes a quarter of a second, reading their JSON a tenth of that (the search reads every card's
    names after each publish)."""
    for pk, title, stored in cards.values_list("pk", "title", Cast("also_called", models.TextField())):
        blocks = json.loads(stored) if stored else []
        yield pk, title, [text for block in blocks if (text := str(block.get("value") or "").strip())]


class ProfessionPage(RoutablePageMixin, PortalPage):
    """A profession card of the atlas: what the work is, what it takes, what it pays, where to study and
    work in the krai, and for whom it is suitable."""

    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, related_name="professions", verbose_name=_("sector")
    )
    education_level = models.CharField(_("education level"), max_length=15, choices=LEVELS, default="spo")
    klimov_type = models.CharField(_("interest type (Klimov)"), max_length=10, choices=KLIMOV_TYPES, blank=True)
    demand_level = models.CharField(_("demand in the krai"), max_length=6, choices=DEMAND_LEVELS, default="medium")
    is_future_profession = models.BooleanField(_("profession of the future"), default=False)
    outlook = models.TextField(_("outlook"), blank=True)
    also_called = StreamField(
        [("item", CharBlock(label=_("name")))],
        blank=True,
        verbose_name=_("also called"),
        help_text=_(
            "The everyday names people search for, one per item («медсестра», «сварной»): shown on the card as "
            "«Также называют» and found by the site search."
        ),
    )

    duties = item_list(_("duties"))
    day_at_work = models.TextField(_("a day at work"), blank=True)
    working_conditions = models.TextField(_("working conditions"), blank=True)
    hard_skills = item_list(_("professional skills"))
    soft_skills = item_list(_("soft skills"))
    personal_qualities = item_list(_("personal qualities"))
    contraindications = item_list(_("medical contraindications"))
    school_subjects = ParentalManyToManyField("atlas.SchoolSubject", blank=True, verbose_name=_("school subjects"))

    salary_min = models.PositiveIntegerField(_("salary from, ₽ a month"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary up to, ₽ a month"), null=True, blank=True)
    salary_source = models.CharField(_("salary source"), max_length=500, blank=True)
    salary_date = models.DateField(_("salary as of"), null=True, blank=True)

    specialties = ParentalManyToManyField(
        "atlas.Specialty", blank=True, related_name="professions", verbose_name=_("specialties")
    )
    organisations = ParentalManyToManyField(
        EducationalOrganization, blank=True, related_name="professions", verbose_name=_("where to study in the krai")
    )
    employers = ParentalManyToManyField(
        Employer, blank=True, related_name="professions", verbose_name=_("regional employers")
    )
    investment_projects = ParentalManyToManyField(
        InvestmentProject, blank=True, related_name="professions", verbose_name=_("investment projects")
    )
    districts = ParentalManyToManyField(
        MunicipalDistrict, blank=True, related_name="professions", verbose_name=_("districts where it is in demand")
    )
    related_professions = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related professions")
    )

    okpdtr_code = models.CharField(_("ОКПДТР code"), max_length=10, blank=True)
    okz_code = models.CharField(_("ОКЗ code"), max_length=10, blank=True)
    abilympics_competence = models.CharField(
        _("Abilympics competence"),
        max_length=200,
        blank=True,
        help_text=_("The matching competence of the «Абилимпикс» championship, if there is one."),
    )
    image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_("The card's picture in the atlas; without one, the card shows its sector's illustration."),
    )
    media = StreamField(
        [("image", ImageBlock()), ("video", VideoBlock())], blank=True, verbose_name=_("images and video")
    )
    data_source = models.TextField(_("sources of the card"), blank=True)
    needs_verification = models.CharField(
        _("needs verification"),
        max_length=500,
        blank=True,
        help_text=_(
            "Fields whose content is not confirmed yet, comma-separated (e.g. employers, outlook). "
            "Visitors see them marked «сведения уточняются»."
        ),
    )

    parent_page_types = ["atlas.AtlasIndexPage"]
    subpage_types = []

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("also_called"),
        MultiFieldPanel(
            [
                FieldPanel("sector"),
                FieldRowPanel([FieldPanel("education_level"), FieldPanel("klimov_type")]),
                FieldRowPanel([FieldPanel("demand_level"), FieldPanel("is_future_profession")]),
                FieldPanel("outlook"),
            ],
            heading=_("Classification and demand"),
        ),
        MultiFieldPanel(
            [FieldPanel("duties"), FieldPanel("day_at_work"), FieldPanel("working_conditions")], heading=_("The work")
        ),
        MultiFieldPanel(
            [
                FieldPanel("hard_skills"),
                FieldPanel("soft_skills"),
                FieldPanel("personal_qualities"),
                FieldPanel("school_subjects"),
                FieldPanel("contraindications"),
            ],
            heading=_("What it takes"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldRowPanel([FieldPanel("salary_source"), FieldPanel("salary_date")]),
            ],
            heading=_("Salary"),
        ),
        FieldPanel("image"),
        FieldPanel("media"),
    ]
    links_panels = [
        FieldPanel("specialties"),
        FieldPanel("organisations"),
        FieldPanel("employers"),
        FieldPanel("investment_projects"),
        FieldPanel("districts"),
        FieldPanel("related_professions"),
        InlinePanel("suitability", heading=_("Suitability for disability categories"), label=_("category")),
        FieldRowPanel([FieldPanel("okpdtr_code"), FieldPanel("okz_code")]),
        FieldPanel("abilympics_competence"),
        FieldPanel("data_source"),
        FieldPanel("needs_verification"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Card")),
            ObjectList(links_panels, heading=_("Links")),
            ObjectList(PortalPage.promote_panels, heading=_("Promote")),
            ObjectList(PortalPage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("duties"),
        index.SearchField("hard_skills"),
        index.SearchField("outlook"),
        index.SearchField("search_labels", boost=2),
        index.SearchField("also_called", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("education_level"),
        index.FilterField("klimov_type"),
        index.FilterField("sector"),
        index.RelatedFields("sector", [index.SearchField("name")]),
    ]

    # wagtail-localize: codes, sources, the list of unverified fields and the everyday names (names of the language
    # the visitors of the original speak, not translated: see common_names) follow the original; the texts are
    # translated (the sector through its translation; the many-to-many links are not handled by wagtail-localize,
    # see atlas/english.py).
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("okpdtr_code", "okz_code", "salary_source", "data_source", "needs_verification", "also_called")
    ]

    api_fields = [
        APIField("summary"),
        APIField("easy_read_summary"),
        APIField("sector"),
        APIField("sector_name", serializer=CharField(source="sector.name", read_only=True, default="")),
        APIField("education_level"),
        APIField("klimov_type"),
        APIField("demand_level"),
        APIField("is_future_profession"),
        APIField("salary_min"),
        APIField("salary_max"),
        APIField("salary_source"),
        APIField("okpdtr_code"),
        APIField("okz_code"),
    ]

    class Meta:
        verbose_name = _("profession card")
        verbose_name_plural = _("profession cards")

    search_kind = "profession"

    def search_facets(self):
        sector = [self.sector.slug] if self.sector_id else []
        return {
            **super().search_facets(),
            "sector": sector,
            "district": slugs(self.districts),
            "category": self.suited_categories(),
        }

    def suited_categories(self):
        """The disability categories the card suits, also with limitations (as the equal-opportunities navigator
        lists it): the site search's «category» facet."""
        return [row.category for row in self.suitability.all() if row.degree in SUITED_DEGREES]

    def search_labels(self):
        """The card's badges in words, so that «профессии будущего» finds the cards marked so."""
        with translation.override(self.locale.language_code):
            return str(_("Profession of the future")) if self.is_future_profession else ""

    def clean(self):
        super().clean()
        self.check_salary()

    def check_salary(self):
        if self.salary_min and self.salary_max and self.salary_max < self.salary_min:
            raise ValidationError({"salary_max": _("The upper bound cannot be below the lower one.")})

    @property
    def salary_is_demo(self):
        """A salary without a source is demonstration data, and the site says so."""
        return bool(self.salary_min or self.salary_max) and not self.salary_source

    @property
    def picture(self):
        """The card's own picture, or else its sector's illustration (None when neither has one)."""
        if self.image_id:
            return self.image
        return self.sector.illustration if self.sector_id and self.sector.illustration_id else None

    @property
    def unverified(self):
        return {name.strip() for name in self.needs_verification.split(",") if name.strip()}

    def card_context(self, request):
        """Everything the card shows (CARD_PARTS), fetched with a fixed number of queries (one per kind of link)."""
        atlas = self.get_parent().specific
        return {
            "atlas": atlas,
            "subjects": locales.localized(self.school_subjects.all()),
            "specialties": list(self.specialties.all()),
            "organisations": list(self.organisations.all()),
            "employers": list(self.employers.all()),
            "projects": list(self.investment_projects.all()),
            "districts": list(self.districts.all()),
            "suitability": list(self.suitability.all()),
            # filter(live=True), not live(): in a preview the relation is held in memory, which has no live().
            "related": list(self.related_professions.filter(live=True).only("title", "url_path", "path", "depth")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the template renders the card: its body is usually a cached fragment
        # (profession_page.html), and then none of the links' queries runs.
        card = functools.cache(lambda: self.card_context(request))
        context.update({name: when_shown(functools.partial(lambda name: card()[name], name)) for name in CARD_PARTS})
        context["json_ld_data"] = lambda: occupation(
            self, public_url(self, request), specialties=card()["specialties"], subjects=card()["subjects"]
        )
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return serve(request, self, "profession-pdf")

    duties_list = property(lambda self: items(self.duties))

    @property
    def common_names(self):
        """The everyday names shown on the card: only on the original, in whose language they are written (a
        translation copies them, for its search, but «Also called: медсестра» would tell an English reader nothing)."""
        if self.locale.language_code != locales.default_language():
            return []
        return items(self.also_called)

    hard_skills_list = property(lambda self: items(self.hard_skills))
    soft_skills_list = property(lambda self: items(self.soft_skills))
    qualities_list = property(lambda self: items(self.personal_qualities))
    contraindications_list = property(lambda self: items(self.contraindications))


class ProfessionSuitability(TranslatableMixin, Orderable):
    """Whether a profession suits people of one disability category, and on what terms. Translatable with its
    card (wagtail-localize translates the note; the category and the degree follow the original)."""

    page = ParentalKey(ProfessionPage, on_delete=models.CASCADE, related_name="suitability")
    category = models.CharField(_("disability category"), max_length=20, choices=DISABILITY_CATEGORIES)
    degree = models.CharField(_("suitability"), max_length=15, choices=SUITABILITY_DEGREES)
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("What makes it possible, what accommodation helps.")
    )

    panels = [FieldPanel("category"), FieldPanel("degree"), FieldPanel("note")]
    translatable_fields = [SynchronizedField("category"), SynchronizedField("degree"), TranslatableField("note")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "category"), ("translation_key", "locale")]
