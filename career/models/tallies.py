"""The portal's anonymous counts for indicator 1: completed diagnostics and built routes by district, grade
band and year. Only counts are kept; ``publish_diagnostics`` turns them into monitoring observations."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..state import GRADE_BANDS


class DiagnosticTally(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    district = models.ForeignKey(
        "atlas.MunicipalDistrict", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    grade_band = models.CharField(_("grade band"), max_length=5, choices=[(b, b) for b, _g in GRADE_BANDS])
    completed = models.PositiveIntegerField(_("completed diagnostics"), default=0)
    routes = models.PositiveIntegerField(_("built routes"), default=0)

    class Meta:
        verbose_name = _("diagnostics count")
        verbose_name_plural = _("diagnostics counts")
        indexes = [models.Index(fields=["year", "district", "grade_band"])]

    def __str__(self):
        return f"{self.year} {self.district_id} {self.grade_band}: {self.completed}/{self.routes}"

    @classmethod
    def count(cls, *, district, grade_band, completed=0, routes=0):
        """Add to this year's counts. Concurrent first counts may make two rows for one cell; the
        publishing step adds rows up, so that costs nothing."""
        cell = {"year": timezone.localdate().year, "district": district, "grade_band": grade_band}
        updated = cls.objects.filter(**cell).update(completed=F("completed") + completed, routes=F("routes") + routes)
        if not updated:
            cls.objects.create(**cell, completed=completed, routes=routes)


class CountedDiagnosis(models.Model):
    """A diagnosis the tallies have counted, known only by the random nonce its result link carries
    (``state.new_nonce``): a replayed second step or route POST finds its row and counts nothing more.

    A database row rather than a key in the cache: the unique key makes the first of two concurrent POSTs
    win in every tier and every process (the embedded tier's file cache checks and then writes, which is
    not atomic across gunicorn workers, and any cache may forget a key under memory pressure), and a
    route may be built weeks after the diagnosis. Nothing about the student: a random string, the date,
    whether its route was counted, and the class result it made, if any."""

    nonce = models.CharField(max_length=16, primary_key=True)
    counted_on = models.DateField(default=timezone.localdate)
    route_counted = models.BooleanField(default=False)
    result = models.ForeignKey("career.ClassResult", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("counted diagnosis")
        verbose_name_plural = _("counted diagnoses")
        indexes = [models.Index(fields=["counted_on"])]

    def __str__(self):
        return self.nonce


class RouteChoiceTally(models.Model):
    """The professions students chose for their first route, counted by year, district and grade band: what the
    monitoring's direction 9 sets against the atlas's demand (career.preferences). Only counts, like the tallies
    above; the profession is the atlas card of the default language."""

    year = models.PositiveSmallIntegerField(_("year"))
    district = models.ForeignKey(
        "atlas.MunicipalDistrict", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    grade_band = models.CharField(_("grade band"), max_length=5, choices=[(b, b) for b, _g in GRADE_BANDS])
    profession = models.ForeignKey("atlas.ProfessionPage", on_delete=models.CASCADE, related_name="+")
    routes = models.PositiveIntegerField(_("routes"), default=0)

    class Meta:
        verbose_name = _("route choice count")
        verbose_name_plural = _("route choice counts")
        indexes = [models.Index(fields=["year", "district"])]

    def __str__(self):
        return f"{self.year} {self.district_id} {self.grade_band} {self.profession_id}: {self.routes}"

    @classmethod
    def count(cls, *, district, grade_band, profession):
        """One more route towards ``profession`` this year (two concurrent first counts may make two rows; the
        computation adds rows up)."""
        cell = {
            "year": timezone.localdate().year,
            "district": district,
            "grade_band": grade_band,
            "profession": profession,
        }
        if not cls.objects.filter(**cell).update(routes=F("routes") + 1):
            cls.objects.create(**cell, routes=1)
