"""An opportunity an organisation offers school classes and students, with its time slots, what it adapts for each
disability category and its photos."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from partners.models import OwnedByOrganisation, OwnedByOrganisationQuerySet, Status
from portal import content_version, locales
from portal.disabilities import DISABILITY_CATEGORIES
from portal.facets import Faceted

GRADES = range(1, 12)


class Kind(models.TextChoices):
    EXCURSION = "excursion", _("Excursion")
    TRIAL = "trial", _("Professional trial")
    MASTER_CLASS = "master_class", _("Master class")
    INTERNSHIP = "internship", _("Internship or practice")
    NO_TURNSTILE = "no_turnstile", _("«Неделя без турникета»")
    OPEN_DAY = "open_day", _("Open day")


# The links' ``limit_choices_to`` (the originals in the default language), named here because migrations refer to it.
in_default_locale = locales.in_default_locale


class OpportunityQuerySet(OwnedByOrganisationQuerySet):
    def listed(self, today=None):
        """What the public lists show: published, of an approved organisation, with a slot today or later. One
        stored column (``listed_until``) says it, so that OpenSearch filters exactly as the database does."""
        return self.filter(listed_until__gte=today or timezone.localdate())


class Opportunity(Faceted, index.Indexed, OwnedByOrganisation, ClusterableModel):
    """An excursion, a professional trial, a master class, an internship, «Неделя без турникета» or an open day for
    school classes and students. Written by the organisation in its own words: the site shows it as it is, in every
    language. Visitors see it once the organisation is approved, while it is published and has a date ahead."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = RichTextField(_("description"), editor="basic")
    professions = ParentalManyToManyField(
        "atlas.ProfessionPage",
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("professions it shows"),
        help_text=_("Its block appears on these profession cards of the atlas."),
    )
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("district"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    online = models.BooleanField(_("online"), default=False)
    online_link = models.URLField(_("link to join online"), blank=True)
    grade_from = models.PositiveSmallIntegerField(
        _("from grade"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    grade_to = models.PositiveSmallIntegerField(
        _("to grade"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    age_from = models.PositiveSmallIntegerField(
        _("from age"), null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(30)]
    )
    age_to = models.PositiveSmallIntegerField(
        _("to age"), null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(30)]
    )
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    medical_requirements = models.TextField(
        _("medical requirements"), blank=True, help_text=_("A medical certificate, a vaccination, a health group.")
    )
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Untick to hide it from visitors without deleting it.")
    )
    # The last slot's date while it is published and its organisation approved, else empty (update_listing).
    listed_until = models.DateField(_("listed until"), null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = OpportunityQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),  # the editors' only (opportunities.viewsets.OpportunityForm)
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("professions", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("district"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("online"), FieldPanel("online_link")]),
            ],
            heading=_("Where"),
        ),
        InlinePanel("slots", heading=_("Dates and times"), label=_("time slot"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldRowPanel([FieldPanel("age_from"), FieldPanel("age_to")]),
            ],
            heading=_("For whom"),
            help_text=_("Grades for school classes, or ages."),
        ),
        FieldPanel("what_to_bring"),
        FieldPanel("medical_requirements"),
        InlinePanel(
            "accessibility",
            heading=_("Accessibility for disability categories"),
            label=_("category"),
            help_text=_("For each category: whether visitors of it can take part, and what is adapted for them."),
        ),
        InlinePanel(
            "photos",
            heading=_("Photos"),
            label=_("photo"),
            help_text=_("Upload them into your organisation's collection; describe each for blind visitors."),
        ),
        FieldPanel("published"),
    ]

    search_kind = "opportunity"
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("id"),  # the database backend filters facets by id; the date filter too
        index.FilterField("title"),
        index.FilterField("listed_until"),
        index.FilterField("search_facet_tags"),
    ]

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def search_facet_tags(self):  # defined on the model itself: Wagtail names index fields after that class
        return self.tags_for_facets()

    def search_facets(self):
        """Kind of opportunity, district, the professions (their default-language slugs) and their sectors, every
        grade of the range, and the disability categories it is adapted for."""
        professions = list(self.professions.select_related("sector"))
        grades = range(self.grade_from or 1, (self.grade_to or 11) + 1) if self.grade_from or self.grade_to else []
        return {
            **super().search_facets(),
            "activity": [self.kind],
            "district": [self.district.slug],
            "profession": [p.slug for p in professions],
            "sector": [p.sector.slug for p in professions if p.sector_id],
            "grade": [str(g) for g in grades],
            "access": [row.category for row in self.accessibility.all() if row.adapted],
        }

    def clean(self):
        super().clean()
        errors = {}
        if self.grade_from and self.grade_to and self.grade_from > self.grade_to:
            errors["grade_to"] = _("The last grade cannot be below the first one.")
        if self.age_from and self.age_to and self.age_from > self.age_to:
            errors["age_to"] = _("The upper age cannot be below the lower one.")
        if self.online and not self.online_link:
            errors["online_link"] = _("Give the link visitors join by, or untick «online».")
        if not self.online and not self.address.strip():
            errors["address"] = _("Give the address, or tick «online» and give the link.")
        if errors:
            raise ValidationError(errors)

    def listing_date(self):
        """What ``listed_until`` should be: the last slot's date while published and the organisation approved."""
        if not self.published or self.organisation.status != Status.APPROVED:
            return None
        return max((slot.date for slot in self.slots.all()), default=None)

    def save(self, *args, **kwargs):
        # The slots in the form are in memory here (modelcluster writes them after the row): the row is written,
        # and indexed, with the listing date they give.
        self.listed_until = self.listing_date()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "listed_until"}
        super().save(*args, **kwargs)

    def future_slots(self):
        """Slots from today on, in order (prefetched as ``upcoming`` by the lists)."""
        if hasattr(self, "upcoming"):
            return self.upcoming
        return [slot for slot in self.slots.all() if slot.date >= timezone.localdate()]

    @property
    def grades_label(self):
        return grade_range(self.grade_from, self.grade_to)


def grade_range(first, last):
    """«5–9 классы», «с 8 класса», … for the lists."""
    if first and last and first == last:
        return gettext("grade %(grade)s") % {"grade": first}
    if first and last:
        return gettext("grades %(first)s–%(last)s") % {"first": first, "last": last}
    if first:
        return gettext("from grade %(grade)s") % {"grade": first}
    if last:
        return gettext("up to grade %(grade)s") % {"grade": last}
    return ""


def organisation_changed(sender, instance, raw=False, **kwargs):
    """An organisation approved or its approval withdrawn: its opportunities enter or leave the lists (each saved, so
    that the search index follows). Its name and description show on their pages: any change to an organisation with
    opportunities makes cached pages stale."""
    if raw:
        return
    opportunities = list(Opportunity.objects.filter(organisation=instance).prefetch_related("slots"))
    for opportunity in opportunities:
        opportunity.organisation = instance
        if opportunity.listing_date() != opportunity.listed_until:
            opportunity.save(update_fields=["listed_until"])
    if opportunities:
        content_version.bump_on_commit()


class OpportunitySlot(Orderable):
    """One date and time visitors can come, with the places it has."""

    opportunity = ParentalKey(Opportunity, on_delete=models.CASCADE, related_name="slots")
    date = models.DateField(_("date"))
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"))
    places = models.IntegerField(_("places"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("start"), FieldPanel("end"), FieldPanel("places")])]

    class Meta(Orderable.Meta):
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["date", "start"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date < timezone.localdate() and self._date_changed():
            errors["date"] = _("This date has passed: choose today or a later day.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be later than the start.")
        if self.places is not None and self.places < 1:
            errors["places"] = _("A slot needs at least one place.")
        elif self.places is not None and self.pk is not None and self.places < (held := self.places_held):
            errors["places"] = _("Classes have booked %(held)s places on this slot: it cannot have fewer.") % {
                "held": held
            }
        if errors:
            raise ValidationError(errors)

    def _date_changed(self):
        # A slot that has passed stays as it was written (attendance is recorded on it later); only a new or moved
        # slot may not be set in the past.
        if self.pk is None:
            return True
        return not type(self).objects.filter(pk=self.pk, date=self.date).exists()

    @property
    def places_held(self):
        """Places the requested and confirmed bookings hold (annotated as ``held`` by the lists, else counted)."""
        if getattr(self, "held", None) is not None:
            return self.held
        if self.pk is None:
            return 0
        return self.bookings.held()

    @property
    def places_left(self):
        """Places a class can still book (opportunities.bookings holds the slot's row while it counts them)."""
        return max(self.places - self.places_held, 0)

    @property
    def is_past(self):
        return self.date < timezone.localdate()


class OpportunityAccessibility(Orderable):
    """Whether visitors of one disability category can take part, and what is adapted for them."""

    opportunity = ParentalKey(Opportunity, on_delete=models.CASCADE, related_name="accessibility")
    category = models.CharField(_("disability category"), max_length=20, choices=DISABILITY_CATEGORIES)
    adapted = models.BooleanField(_("adapted"), default=False)
    what = models.CharField(
        _("what is adapted"),
        max_length=300,
        blank=True,
        help_text=_("E.g. a ramp and a lift, a sign-language interpreter, a guide, large-print materials."),
    )

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("adapted")]), FieldPanel("what")]

    class Meta(Orderable.Meta):
        verbose_name = _("accessibility for a category")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "category"], name="one_accessibility_row_per_category")
        ]

    def clean(self):
        super().clean()
        if self.adapted and not self.what.strip():
            raise ValidationError({"what": _("Say what is adapted for this category.")})


class OpportunityPhoto(Orderable):
    """A photo of the place or of a past visit; its description in the image library is its alt text."""

    opportunity = ParentalKey(Opportunity, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("portal.PortalImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("photo"))

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
