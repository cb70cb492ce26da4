"""What the municipalities (ОМСУ) report: one value of one indicator for one district (or the krai as a
whole) and one year. A share is computed from its numerator and denominator, never typed; a correction is a
new observation that replaces the earlier one, which stays in the history."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal import numbers

from .indicators import Indicator, in_default_locale

PROGRAMME_YEARS = range(2021, 2025)  # the programme runs 2021–2024


def share(numerator, denominator):
    """numerator / denominator in per cent, rounded half up to 0.01."""
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def observation_problems(indicator, year, numerator, denominator):
    """Why these values cannot be an observation (field → message); empty when they can. Every field is checked,
    whatever the others hold: a value that could not be read is passed as None and its field left to the caller
    (an unknown indicator, None, skips the checks that depend on its kind; a year of None is not checked)."""
    problems = {}
    if year is not None and year not in PROGRAMME_YEARS:
        problems["year"] = _("The programme covers %(first)s–%(last)s; %(year)s is outside it.") % {
            "first": PROGRAMME_YEARS[0],
            "last": PROGRAMME_YEARS[-1],
            "year": year,
        }
    if numerator is None:
        problems["numerator"] = _("Enter the value.")
    elif numerator < 0:
        problems["numerator"] = _("The value cannot be negative.")
    if indicator is None:
        return problems
    if indicator.is_share:
        if denominator is None:
            problems["denominator"] = _("This indicator is a share: enter what it is a share of (the denominator).")
        elif denominator <= 0:
            problems["denominator"] = _("The denominator must be greater than zero.")
        elif numerator is not None and numerator > denominator:
            problems["numerator"] = _(
                "The numerator (%(numerator)s) is greater than the denominator (%(denominator)s): the share would "
                "be %(share)s, over %(whole)s."
            ) % {
                "numerator": numbers.number(numerator),
                "denominator": numbers.number(denominator),
                "share": numbers.percent(share(numerator, denominator)),
                "whole": numbers.percent(100),
            }
    elif denominator is not None:
        problems["denominator"] = _("This indicator is a count: leave the denominator empty.")
    return problems


class ObservationQuerySet(models.QuerySet):
    def reported(self):
        """What the municipalities reported (or editors entered): the figures the targets are measured by."""
        return self.filter(origin=Observation.REPORTED)

    def from_portal(self):
        return self.filter(origin=Observation.PORTAL)


class Observation(models.Model):
    REPORTED, PORTAL = "reported", "portal"
    ORIGINS = [(REPORTED, _("reported by the municipality")), (PORTAL, _("counted by the portal"))]

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="observations",
        limit_choices_to=in_default_locale,
        verbose_name=_("indicator"),
    )
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("district"),
        help_text=_("Leave empty for the krai as a whole."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    numerator = models.PositiveIntegerField(_("value or numerator"))
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, editable=False)
    source = models.CharField(_("source"), max_length=255, default="Оперативные данные ОМСУ")
    comment = models.TextField(_("comment"), blank=True)
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Generated for the demo site, not reported by anyone.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    is_current = models.BooleanField(_("current"), default=True, editable=False)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by", editable=False
    )
    # The portal's own counts (career.publish) stand beside the reported figures, never replace them.
    origin = models.CharField(_("origin"), max_length=10, choices=ORIGINS, default=REPORTED, editable=False)
    grade_band = models.CharField(
        _("grade band"), max_length=5, blank=True, editable=False, help_text=_("Empty for all grades.")
    )

    objects = ObservationQuerySet.as_manager()

    panels = [
        FieldPanel("indicator"),
        FieldPanel("district"),
        FieldPanel("year"),
        FieldPanel("numerator"),
        FieldPanel("denominator"),
        FieldPanel("source"),
        FieldPanel("comment"),
    ]

    class Meta:
        ordering = ["indicator__number", "year", "district__name"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        indexes = [models.Index(fields=["indicator", "year", "is_current"])]
        # One current observation per key, on every database. NULL districts (the krai as a whole) never
        # collide in a unique index, so the krai has its own constraint without the district.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "district", "year", "origin", "grade_band"],
                condition=models.Q(is_current=True, district__isnull=False),
                name="one_current_observation_per_district",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "origin", "grade_band"],
                condition=models.Q(is_current=True, district__isnull=True),
                name="one_current_observation_for_the_krai",
            ),
        ]

    def __str__(self):
        where = self.district.name if self.district_id else _("Khabarovsk Krai")
        return f"{self.indicator.number} · {where} · {self.year}: {self.value}"

    def save(self, *args, **kwargs):
        """A new observation becomes the current one for its indicator, district, year, origin and grade
        band; the one it replaces stays, no longer current."""
        self.compute()
        with transaction.atomic():
            if self._state.adding:
                # Saves of the same indicator queue on its row, which always exists: FOR UPDATE on the current
                # observation locks nothing while there is none yet, and two first saves would both insert one.
                # (On SQLite the IMMEDIATE transaction already serialises every writer.)
                Indicator.objects.order_by().select_for_update().filter(pk=self.indicator_id).values_list("pk").get()
                previous = (
                    Observation.objects.order_by()
                    .select_for_update()  # no ordering joins: FOR UPDATE must not touch them
                    .filter(
                        indicator=self.indicator_id,
                        district=self.district_id,
                        year=self.year,
                        origin=self.origin,
                        grade_band=self.grade_band,
                        is_current=True,
                    )
                    .first()
                )
                if previous is not None:
                    previous.is_current = False
                    previous.save(update_fields=["is_current"])
                    self.replaces = previous
            super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        # A new observation for a key that has a current one is a correction, not a duplicate: save() makes the
        # earlier one not current first. The constraints hold the database to that; they are no reason for a
        # form or an import to refuse it.
        super().validate_constraints(exclude={*(exclude or ()), "is_current"})

    def clean(self):
        # Every rule that can be checked, even when another field is missing (its own error says so).
        indicator = self.indicator if self.indicator_id else None
        problems = observation_problems(indicator, self.year, self.numerator, self.denominator)
        if self.numerator is None:
            problems.pop("numerator", None)  # the field is required: Django says so already
        if problems:
            raise ValidationError(problems)

    def compute(self):
        self.value = share(self.numerator, self.denominator) if self.indicator.is_share else Decimal(self.numerator)

    def history(self):
        """This observation and the ones it replaced, newest first."""
        chain, current = [], self
        while current is not None:
            chain.append(current)
            current = current.replaces
        return chain
