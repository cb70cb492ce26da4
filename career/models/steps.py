"""The steps a student's route suggests for the current month, edited and translated in the admin."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..state import GRADE_BANDS


class MonthlyStep(TranslatableMixin, models.Model):
    """«What to do this month»: a general step of the school and admission year for a grade band, shown on the
    individual route of every student of that band in that month (one to three a month, in their order)."""

    grade_band = models.CharField(_("grades"), max_length=5, choices=[(band, band) for band, _grades in GRADE_BANDS])
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    sort_order = models.PositiveSmallIntegerField(_("order in the month"), default=1)
    grade = models.PositiveSmallIntegerField(
        _("only for grade"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(11)],
        help_text=_("Leave empty for the whole band. A step for one grade is shown to that grade only."),
    )
    text = models.TextField(_("step"))

    panels = [
        FieldPanel("grade_band"),
        FieldPanel("grade"),
        FieldPanel("month"),
        FieldPanel("sort_order"),
        FieldPanel("text"),
    ]
    # wagtail-localize: translators see the text; when and for whom follow the original.
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("grade_band"),
        SynchronizedField("grade"),
        SynchronizedField("month"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["grade_band", "month", "sort_order"]
        verbose_name = _("monthly step")
        verbose_name_plural = _("monthly steps")
        indexes = [models.Index(fields=["grade_band", "month"])]

    def __str__(self):
        return f"{self.grade_band}, {self.month}: {self.text[:60]}"
