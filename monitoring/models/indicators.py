"""The monitoring directions and the ten indicators of the programme (section 3 of the seed document), with
their yearly targets. Both are translatable snippets: the rows of the default language carry everything the
figures hang on (observations, targets, reports, facets); a translation carries only the words."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal import locales
from portal.models import UniqueInLocale

# The links' ``limit_choices_to`` (the originals in the default language), named here because migrations refer to it.
in_default_locale = locales.in_default_locale


class ReferenceQuerySet(models.QuerySet):
    def in_default_locale(self):
        """The rows everything is keyed by (their translations only name them in another language)."""
        return self.filter(**in_default_locale())


class MonitoringDirection(UniqueInLocale, TranslatableMixin, models.Model):
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.TextField(_("name"))

    objects = ReferenceQuerySet.as_manager()

    panels = [FieldPanel("number"), FieldPanel("name")]
    translatable_fields = [SynchronizedField("number"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]
        verbose_name = _("monitoring direction")
        verbose_name_plural = _("monitoring directions")

    def __str__(self):
        return f"{self.number}. {self.name}"


class Indicator(UniqueInLocale, TranslatableMixin, ClusterableModel):
    PERCENT, COUNT = "percent", "count"
    UNITS = [(PERCENT, _("share, %")), (COUNT, _("count"))]

    number = models.PositiveSmallIntegerField(_("number"))
    name = models.TextField(_("name"))
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=UNITS, default=PERCENT)
    share_of = models.CharField(_("share of"), max_length=255, blank=True)
    sources = models.TextField(_("data sources"), blank=True, help_text=_("One per line."))
    direction = models.ForeignKey(
        MonitoringDirection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        limit_choices_to=in_default_locale,
        verbose_name=_("monitoring direction"),
    )

    objects = ReferenceQuerySet.as_manager()

    panels = [
        MultiFieldPanel([FieldPanel("number"), FieldPanel("name"), FieldPanel("description")], heading=_("Indicator")),
        MultiFieldPanel([FieldPanel("unit"), FieldPanel("share_of")], heading=_("Unit")),
        FieldPanel("sources"),
        FieldPanel("direction"),
        InlinePanel("targets", label=_("target"), heading=_("Targets by year")),
    ]
    # A translation holds the words; the number and the unit follow the original. The direction and the targets
    # stay with the original alone (not copied into a translation), so no figure is counted twice.
    translatable_fields = [
        SynchronizedField("number"),
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("unit"),
        TranslatableField("share_of"),
        TranslatableField("sources"),
    ]
    exclude_fields_in_copy = ["direction", "targets"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def is_share(self):
        return self.unit == self.PERCENT

    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


def show_in_language(items):
    """Gives each of ``items`` (indicators or directions of the default language) ``shown``: its translation into
    the language content is shown in, or itself where it has none (templates mark that fallback with
    ``content_lang``). One query for all of them, none in the default language. Returns the items."""
    items = list(items)
    for item, shown in zip(items, locales.localized(items), strict=True):
        item.shown = shown
    return items


class IndicatorTarget(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target value"), max_digits=7, decimal_places=2)

    panels = [FieldPanel("year"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        verbose_name = _("target")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")]
