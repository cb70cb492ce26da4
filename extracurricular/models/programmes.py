"""A programme of additional education for children (a club, a studio, a section) in the krai's catalogue."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from portal import locales
from portal.facets import Faceted

# «Навигатор дополнительного образования Хабаровского края» (https://р27.навигатор.дети/), where families enrol.
NAVIGATOR_URL = "https://xn--27-6kc.xn--80aafey1amqq.xn--d1acj3b/"
YOUNGEST, OLDEST = 5, 18


class Direction(models.TextChoices):
    """The six directions of additional general-development programmes (order of the Ministry of Education)."""

    TECHNICAL = "technical", _("Technical")
    NATURAL_SCIENCE = "natural_science", _("Natural science")
    ARTS = "arts", _("Arts")
    TOURISM = "tourism", _("Tourism and local history")
    SOCIAL = "social", _("Social and humanitarian")
    SPORTS = "sports", _("Physical culture and sports")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    PAID = "paid", _("Paid")


# The age facet's buckets (value, label, first age, last age): a programme is in every bucket its ages overlap.
AGE_BUCKETS = [
    ("5-7", _("5–7 years"), 5, 7),
    ("8-10", _("8–10 years"), 8, 10),
    ("11-13", _("11–13 years"), 11, 13),
    ("14-15", _("14–15 years"), 14, 15),
    ("16-18", _("16–18 years"), 16, 18),
]


def age_buckets(age_from, age_to):
    """The values of the buckets the ages ``age_from``–``age_to`` overlap."""
    if age_from is None or age_to is None:
        return []
    return [value for value, _label, first, last in AGE_BUCKETS if age_from <= last and age_to >= first]


class ExtracurricularProgramme(Faceted, index.Indexed, models.Model):
    """A programme of a house of children's creativity, a station of young technicians, a кванториум, a children's
    art school, a centre of children's tourism…: what children do there, for which ages, when, whether it is free.
    Families enrol in the krai's navigator of additional education; the catalogue links there."""

    title_ru = models.CharField(_("title"), max_length=255)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        help_text=_("E.g. «Дом детского творчества „Северный“»."),
    )
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=locales.in_default_locale,
        verbose_name=_("district"),
    )
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    age_from = models.PositiveSmallIntegerField(
        _("from the age of"), validators=[MinValueValidator(YOUNGEST), MaxValueValidator(OLDEST)]
    )
    age_to = models.PositiveSmallIntegerField(
        _("up to the age of"), validators=[MinValueValidator(YOUNGEST), MaxValueValidator(OLDEST)]
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    schedule = models.CharField(_("schedule"), max_length=255, blank=True, help_text=_("E.g. «вт, чт 16:00–17:30»."))
    summary = models.TextField(_("summary"), blank=True, help_text=_("What children do and learn, in two sentences."))
    enrol_url = models.URLField(
        _("enrolment address"),
        max_length=500,
        default=NAVIGATOR_URL,
        help_text=_("The programme's page in the krai's navigator of additional education, or the navigator itself."),
    )
    is_demonstration = models.BooleanField(
        _("demonstration entry"),
        default=False,
        help_text=_("The catalogue marks it: a seeded example, not a real programme."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("title_ru"), FieldPanel("title_en")], heading=_("Programme title")),
        FieldPanel("organisation"),
        FieldPanel("district"),
        FieldPanel("direction"),
        FieldRowPanel([FieldPanel("age_from"), FieldPanel("age_to")], heading=_("Ages")),
        FieldPanel("cost"),
        FieldPanel("schedule"),
        FieldPanel("summary"),
        FieldPanel("enrol_url"),
        FieldPanel("is_demonstration"),
    ]

    search_kind = "extracurricular"
    search_fields = [
        index.SearchField("title_ru", boost=2),
        index.SearchField("title_en"),
        index.SearchField("organisation"),
        index.SearchField("summary"),
        index.AutocompleteField("title_ru"),
        index.FilterField("id"),  # the database backend filters facets by id
        index.FilterField("title_ru"),  # the catalogue's order, on either backend
        index.FilterField("search_facet_tags"),
    ]

    class Meta:
        verbose_name = _("additional-education programme")
        verbose_name_plural = _("additional-education programmes")
        ordering = ["title_ru"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_from__gte=YOUNGEST, age_to__lte=OLDEST, age_from__lte=models.F("age_to")),
                name="extracurricular_ages_in_order",
            )
        ]

    def __str__(self):
        return self.title_ru

    def shown_title(self):
        return locales.column_in_language(self, "title")

    def search_facet_tags(self):  # defined on the model itself: Wagtail names index fields after that class
        return self.tags_for_facets()

    def search_facets(self):
        """District (its default-language slug), every age bucket the ages overlap, direction and cost."""
        return {
            **super().search_facets(),
            "district": [self.district.slug] if self.district_id else [],
            "age": age_buckets(self.age_from, self.age_to),
            "direction": [self.direction],
            "cost": [self.cost],
        }

    @classmethod
    def prepare_search_facets(cls, objects):
        """The districts of many programmes in one query, before they are indexed together."""
        prefetch_related_objects([obj for obj in objects if obj.district_id], "district")

    def clean(self):
        super().clean()
        if self.age_from is not None and self.age_to is not None and self.age_from > self.age_to:
            raise ValidationError({"age_to": _("The upper age cannot be below the lower one.")})
