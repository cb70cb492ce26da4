"""The atlas's reference data: sectors, municipal districts, employers, educational organisations,
specialties and investment projects. Translatable snippets, each with a slug for its detail page and the
confidence of its facts (editors see «needs verification» on anything not confirmed by a source)."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal import locales
from portal.disabilities import DISABILITY_CATEGORIES
from portal.facets import Faceted, slugs
from portal.models import UniqueInLocale

CONFIDENCE = [("high", _("confirmed by a source")), ("medium", _("likely, needs checking")), ("low", _("unconfirmed"))]
LEVELS = [
    ("profobuchenie", _("Vocational training")),
    ("spo", _("Secondary vocational (СПО)")),
    ("vo", _("Higher (ВО)")),
]


class AtlasSnippetQuerySet(models.QuerySet):
    def in_default_locale(self):
        """The originals in the default language: what other rows link to and figures are keyed by (their
        translations only name them in another language)."""
        return self.filter(locale__language_code=locales.default_language())


class AtlasSnippet(Faceted, TranslatableMixin, index.Indexed, ClusterableModel):
    """Shared by every atlas snippet: a name, a slug for its page under the atlas, where the facts come
    from and how sure they are."""

    objects = AtlasSnippetQuerySet.as_manager()

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    confidence = models.CharField(_("confidence"), max_length=6, choices=CONFIDENCE, default="high")
    source = models.TextField(_("sources"), blank=True, help_text=_("Addresses of the sources, one per line."))

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.FilterField("id"),  # the database backend filters facets by id
        index.FilterField("locale_id"),
        index.FilterField("search_facet_tags"),
    ]
    source_panels = [MultiFieldPanel([FieldPanel("confidence"), FieldPanel("source")], heading=_("Sources"))]
    # wagtail-localize: translators see the texts; the slug (so every language's pages share addresses and
    # filters), the sources and the confidence follow the original.
    kept_fields = [SynchronizedField("slug"), SynchronizedField("confidence"), SynchronizedField("source")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def search_facet_tags(self):  # defined on the model itself: Wagtail names index fields after that class
        return self.tags_for_facets()

    @property
    def needs_verification(self):
        return self.confidence != "high"


class Sector(AtlasSnippet):
    """A priority direction of the krai's economy (авиастроение, судостроение, …)."""

    description = models.TextField(_("description"), blank=True)
    illustration = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("illustration"),
        help_text=_("Shown on the sector's page and on every profession card of the sector that has no picture."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("illustration"),
        *AtlasSnippet.source_panels,
    ]
    search_kind = "sector"
    translatable_fields = [TranslatableField("name"), TranslatableField("description"), *AtlasSnippet.kept_fields]
    search_fields = [*AtlasSnippet.search_fields, index.SearchField("description")]

    def search_facets(self):
        return {**super().search_facets(), "sector": [self.slug]}

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class MunicipalDistrict(AtlasSnippet):
    """A municipal unit of the krai. Districts become okrugs: the kind and the name change, the links stay."""

    KINDS = [
        ("district", _("municipal district")),
        ("municipal_okrug", _("municipal okrug")),
        ("city_okrug", _("city okrug")),
    ]
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default="district")
    centre = models.CharField(_("administrative centre"), max_length=120, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("centre"),
        *AtlasSnippet.source_panels,
    ]

    search_kind = "district"
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        TranslatableField("centre"),
        *AtlasSnippet.kept_fields,
    ]
    search_fields = [*AtlasSnippet.search_fields, index.SearchField("centre")]

    def search_facets(self):
        return {**super().search_facets(), "district": [self.slug]}

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("municipal district")
        verbose_name_plural = _("municipal districts")


class Employer(AtlasSnippet):
    """A major employer of the krai."""

    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, related_name="employers", verbose_name=_("sector")
    )
    districts = ParentalManyToManyField(
        MunicipalDistrict, blank=True, related_name="employers", verbose_name=_("districts")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), blank=True)
    logo = models.ForeignKey(
        "portal.PortalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("logo")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sector"),
        FieldPanel("districts"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
        *AtlasSnippet.source_panels,
    ]

    search_kind = "employer"
    # The districts (many-to-many) are not handled by wagtail-localize: the seed links a translation to the
    # translations of the original's districts.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("sector"),
        TranslatableField("city"),
        SynchronizedField("website"),
        TranslatableField("description"),
        SynchronizedField("logo"),
        *AtlasSnippet.kept_fields,
    ]
    search_fields = [*AtlasSnippet.search_fields, index.SearchField("city"), index.SearchField("description")]

    def search_facets(self):
        sector = [self.sector.slug] if self.sector_id else []
        return {**super().search_facets(), "sector": sector, "district": slugs(self.districts)}

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("employer")
        verbose_name_plural = _("employers")


class EducationalOrganization(AtlasSnippet):
    """A professional educational organisation (ПОО) or a university."""

    KINDS = [("spo", _("college or technical school (ПОО)")), ("vo", _("university or institute"))]
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=3, choices=KINDS, default="spo")
    district = models.ForeignKey(
        MunicipalDistrict,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        verbose_name=_("district"),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    accessibility = models.TextField(
        _("conditions for students with disabilities"),
        blank=True,
        help_text=_("Ramps and lifts, sign-language interpreter, tutor, adapted programmes, assistive devices."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("district"),
        FieldPanel("city"),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("accessibility"),
        InlinePanel(
            "open_days",
            label=_("open day"),
            heading=_("Open days"),
            help_text=_("Entered on the organisation in the default language; every language's site shows them."),
        ),
        *AtlasSnippet.source_panels,
    ]
    # Open days are the default-language row's: a translation does not copy them (readers find them by
    # translation_key in the default language).
    exclude_fields_in_copy = ["open_days"]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("kind"),
        TranslatableField("district"),
        TranslatableField("city"),
        TranslatableField("address"),
        SynchronizedField("website"),
        TranslatableField("accessibility"),
        *AtlasSnippet.kept_fields,
    ]
    search_kind = "organisation"
    search_fields = [*AtlasSnippet.search_fields, index.SearchField("short_name", boost=2)]

    def search_facets(self):
        return {**super().search_facets(), "district": [self.district.slug] if self.district_id else []}

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("educational organisation")
        verbose_name_plural = _("educational organisations")


class OpenDay(Orderable):
    """A day when an organisation invites applicants (shown in the handbook for applicants and on career
    routes)."""

    organisation = ParentalKey(
        EducationalOrganization, on_delete=models.CASCADE, related_name="open_days", verbose_name=_("organisation")
    )
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place or online link"), max_length=255, blank=True)

    panels = [FieldPanel("date"), FieldPanel("time"), FieldPanel("place")]

    class Meta(Orderable.Meta):
        verbose_name = _("open day")
        verbose_name_plural = _("open days")

    def __str__(self):
        return f"{self.organisation} {self.date:%d.%m.%Y}"

    @classmethod
    def of(cls, organisations, **filters):
        """The open days of ``organisations`` (rows of any language), by their translation_key, by date: one
        query."""
        days = {}
        for day in (
            cls.objects.filter(
                organisation__translation_key__in=[o.translation_key for o in organisations],
                organisation__locale__language_code=locales.default_language(),
                **filters,
            )
            .select_related("organisation")
            .order_by("date", "time")
        ):
            days.setdefault(day.organisation.translation_key, []).append(day)
        return days


class Specialty(AtlasSnippet):
    """A specialty or programme with its official code (ФГОС СПО «15.01.05», ВО «24.05.07»)."""

    FORMS = [("full_time", _("full-time")), ("part_time", _("part-time")), ("mixed", _("full-time or part-time"))]
    code = models.CharField(_("code"), max_length=20, blank=True)
    level = models.CharField(_("level"), max_length=15, choices=LEVELS, default="spo")
    duration = models.CharField(_("duration"), max_length=60, blank=True, help_text=_("e.g. «2 г. 10 мес.»"))
    study_form = models.CharField(_("form of study"), max_length=10, choices=FORMS, default="full_time")
    organisations = ParentalManyToManyField(
        EducationalOrganization, blank=True, related_name="specialties", verbose_name=_("organisations offering it")
    )
    adapted_for = models.CharField(
        _("adapted for"),
        max_length=200,
        blank=True,
        # format_lazy keeps the text translatable at display time (a «+» would freeze it at import).
        help_text=format_lazy(
            "{}{}",
            _("Disability categories with an adapted programme (АОП), comma-separated codes: "),
            ", ".join(code for code, _label in DISABILITY_CATEGORIES),
        ),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("duration"),
        FieldPanel("study_form"),
        FieldPanel("organisations"),
        FieldPanel("adapted_for"),
        *AtlasSnippet.source_panels,
    ]
    search_fields = [*AtlasSnippet.search_fields, index.SearchField("code")]
    translatable_fields = [
        SynchronizedField("code"),
        TranslatableField("name"),
        SynchronizedField("level"),
        TranslatableField("duration"),
        SynchronizedField("study_form"),
        SynchronizedField("adapted_for"),
        *AtlasSnippet.kept_fields,
    ]

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("specialty")
        verbose_name_plural = _("specialties")
        ordering = ["code", "name"]

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class InvestmentProject(AtlasSnippet):
    """An investment project that creates jobs in the krai."""

    sectors = ParentalManyToManyField(Sector, blank=True, related_name="investment_projects", verbose_name=_("sectors"))
    districts = ParentalManyToManyField(
        MunicipalDistrict, blank=True, related_name="investment_projects", verbose_name=_("districts")
    )
    employer = models.ForeignKey(
        Employer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="investment_projects",
        verbose_name=_("employer"),
    )
    jobs = models.PositiveIntegerField(_("jobs it creates"), null=True, blank=True)
    years = models.CharField(_("years"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sectors"),
        FieldPanel("districts"),
        FieldPanel("employer"),
        FieldPanel("jobs"),
        FieldPanel("years"),
        FieldPanel("description"),
        *AtlasSnippet.source_panels,
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("employer"),
        SynchronizedField("jobs"),
        SynchronizedField("years"),
        TranslatableField("description"),
        *AtlasSnippet.kept_fields,
    ]

    class Meta(AtlasSnippet.Meta):
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")


class SchoolSubject(UniqueInLocale, TranslatableMixin, models.Model):
    """A school subject that matters for a profession (for profile classes and exam choice). The code is what the
    career builder and the spreadsheets know a subject by; editors rename and translate the name."""

    code = models.SlugField(_("code"))
    name = models.CharField(_("name"), max_length=60)

    panels = [FieldPanel("code"), FieldPanel("name")]
    # wagtail-localize: translators see the name; the code follows the original.
    translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]
        verbose_name = _("school subject")
        verbose_name_plural = _("school subjects")

    def __str__(self):
        return self.name

    @classmethod
    def shown_by_code(cls):
        """Every subject by code, in the language content is shown in where translated (the original otherwise;
        translations share the code)."""
        originals = cls.objects.filter(locale__language_code=locales.default_language())
        return {subject.code: subject for subject in locales.localized(originals)}
