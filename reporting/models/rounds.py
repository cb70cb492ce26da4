"""A collection round (a year, the indicators collected, a deadline) and each district's report in it: the figures,
the coordinator's comment, evidence files, and its state. Nothing here is public: a report's figures become the
monitoring's observations only when an analyst approves it (reporting.workflow)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel

from monitoring.models import Indicator
from monitoring.models.indicators import in_default_locale
from monitoring.models.observations import PROGRAMME_YEARS
from portal.private_media import private_storage


class CollectionRound(models.Model):
    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        choices=[(year, str(year)) for year in PROGRAMME_YEARS],
        help_text=_("The year the figures are for. One round per year."),
    )
    indicators = models.ManyToManyField(
        Indicator,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("indicators collected"),
    )
    deadline = models.DateField(
        pgettext_lazy("collection round", "deadline"), help_text=_("The last day on which coordinators can submit.")
    )
    jump_warning = models.PositiveSmallIntegerField(
        _("warn at a change of more than, %"),
        default=30,
        help_text=_("A value that differs from the previous year's by more than this share is flagged for a check."),
    )
    closed_at = models.DateTimeField(pgettext_lazy("collection round", "closed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("year"), FieldPanel("deadline"), FieldPanel("indicators"), FieldPanel("jump_warning")]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("collection round")
        verbose_name_plural = _("collection rounds")
        permissions = [("manage_rounds", "Can open and close rounds, return and approve reports")]

    def __str__(self):
        return _("Collection of %(year)s") % {"year": self.year}

    @property
    def is_open(self):
        return self.closed_at is None

    def deadline_passed(self, today=None):
        return (today or timezone.localdate()) > self.deadline


class State(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report state", "draft")
    SUBMITTED = "submitted", pgettext_lazy("report state", "submitted")
    RETURNED = "returned", _("returned for corrections")
    APPROVED = "approved", pgettext_lazy("report state", "approved")


class DistrictReport(models.Model):
    round = models.ForeignKey(CollectionRound, on_delete=models.CASCADE, related_name="reports")
    district = models.ForeignKey("atlas.MunicipalDistrict", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        pgettext_lazy("report state", "state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    review = models.TextField(_("analyst's comments"), blank=True, max_length=4000)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)
    submitted_at = models.DateTimeField(pgettext_lazy("report state", "submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The reminders of the deadline sent to the district's coordinators (reporting.reminders), each once.
    week_reminder_at = models.DateTimeField(null=True, blank=True)
    day_reminder_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "district__name"]
        verbose_name = _("district report")
        verbose_name_plural = _("district reports")
        constraints = [models.UniqueConstraint(fields=["round", "district"], name="one_report_per_district")]
        permissions = [("report_district", "Can fill in and submit the reports of their districts")]

    def __str__(self):
        return f"{self.round} · {self.district}"

    @property
    def is_editable(self):
        """Whether the coordinator can still change it: a draft or a returned report of an open round."""
        return self.round.is_open and self.state in (State.DRAFT, State.RETURNED)


class ReportFigure(models.Model):
    report = models.ForeignKey(DistrictReport, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    numerator = models.PositiveIntegerField(_("value or numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="one_figure_per_indicator")]

    def __str__(self):
        return f"{self.report} · {self.indicator_id}: {self.numerator}/{self.denominator}"


def evidence_name(instance, filename):
    """A random name on the disk; the original one is kept in the row."""
    return f"reporting/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class EvidenceFile(models.Model):
    report = models.ForeignKey(DistrictReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), storage=private_storage, upload_to=evidence_name, max_length=200)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name
