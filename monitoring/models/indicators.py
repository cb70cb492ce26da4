"""The monitoring directions and the ten indicators of the programme (section 3 of the seed document), with
their yearly targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal import locales
from portal.models import BilingualName


class MonitoringDirection(BilingualName, models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_ru = models.TextField(_("name (Russian)"))
    name_en = models.TextField(_("name (English)"), blank=True)

    panels = [FieldPanel("number"), FieldPanel("name_ru"), FieldPanel("name_en")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("monitoring direction")
        verbose_name_plural = _("monitoring directions")

    def __str__(self):
        return f"{self.number}. {self.name}"


class Indicator(BilingualName, ClusterableModel):
    PERCENT, COUNT = "percent", "count"
    UNITS = [(PERCENT, _("share, %")), (COUNT, _("count"))]

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_ru = models.TextField(_("name (Russian)"))
    name_en = models.TextField(_("name (English)"), blank=True)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=UNITS, default=PERCENT)
    share_of_ru = models.CharField(_("share of (Russian)"), max_length=255, blank=True)
    share_of_en = models.CharField(_("share of (English)"), max_length=255, blank=True)
    sources = models.TextField(_("data sources"), blank=True, help_text=_("One per line."))
    direction = models.ForeignKey(
        MonitoringDirection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        verbose_name=_("monitoring direction"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("name_ru"), FieldPanel("name_en"), FieldPanel("description")],
            heading=_("Indicator"),
        ),
        MultiFieldPanel([FieldPanel("unit"), FieldPanel("share_of_ru"), FieldPanel("share_of_en")], heading=_("Unit")),
        FieldPanel("sources"),
        FieldPanel("direction"),
        InlinePanel("targets", label=_("target"), heading=_("Targets by year")),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def is_share(self):
        return self.unit == self.PERCENT

    @property
    def share_of(self):
        return locales.column_in_language(self, "share_of")

    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class IndicatorTarget(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target value"), max_digits=7, decimal_places=2)

    panels = [FieldPanel("year"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        verbose_name = _("target")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")]
