"""An employer's booth at a fair: editors invite the organisation, its people accept and fill the booth in (a short
text, the vacancies it brings, a captioned video, contact hours, interview slots), and after the fair the organisers
record what came of it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from partners.models import OwnedByOrganisation, OwnedByOrganisationQuerySet, Status
from portal.blocks import VideoBlock


class BoothStatus(models.TextChoices):
    INVITED = "invited", _("invited, not answered yet")
    ACCEPTED = "accepted", _("takes part")
    DECLINED = "declined", _("does not take part")


class BoothQuerySet(OwnedByOrganisationQuerySet):
    def shown(self):
        """Booths visitors see: accepted, of approved organisations."""
        return self.public().filter(status=BoothStatus.ACCEPTED)


class Booth(OwnedByOrganisation, ClusterableModel):
    fair = models.ForeignKey("fairs.FairPage", on_delete=models.CASCADE, related_name="booths", verbose_name=_("fair"))
    status = models.CharField(_("participation"), max_length=10, choices=BoothStatus.choices, default="invited")
    invited_at = models.DateTimeField(_("invited"), default=timezone.now, editable=False)
    text = models.TextField(
        _("about the booth"),
        blank=True,
        max_length=2000,
        help_text=_("What the organisation offers at the fair and whom it is looking for, in a few sentences."),
    )
    vacancies = ParentalManyToManyField(
        "vacancies.Vacancy", blank=True, related_name="+", verbose_name=_("vacancies for the fair")
    )
    video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("video"),
        help_text=_("A video about the organisation, with captions or a transcript."),
    )
    contact_hours = models.CharField(
        _("contact hours"),
        max_length=255,
        blank=True,
        help_text=_("When visitors can talk to the organisation's people, e.g. «10:00–16:00, чат и видеосвязь»."),
    )
    # What came of the booth, recorded by the organisers after the fair: anonymous numbers only.
    interviews = models.PositiveIntegerField(_("interviews held"), null=True, blank=True)
    offers = models.PositiveIntegerField(_("job offers made"), null=True, blank=True)
    hires = models.PositiveIntegerField(_("people hired"), null=True, blank=True)

    objects = BoothQuerySet.as_manager()

    class Meta:
        verbose_name = _("booth at a fair")
        verbose_name_plural = _("booths at fairs")
        ordering = ["fair", "organisation__name"]
        permissions = [("record_results", _("Can record the results of fairs"))]
        constraints = [models.UniqueConstraint(fields=["fair", "organisation"], name="one_booth_per_organisation")]

    def __str__(self):
        return f"{self.organisation} — {self.fair}"

    @property
    def is_shown(self):
        return self.status == BoothStatus.ACCEPTED and self.organisation.status == Status.APPROVED

    def clean(self):
        errors = {}
        if self.offers is not None and self.interviews is not None and self.offers > self.interviews:
            errors["offers"] = _("More offers than interviews: an offer follows an interview.")
        if self.hires is not None and self.offers is not None and self.hires > self.offers:
            errors["hires"] = _("More people hired than offers made.")
        if errors:
            raise ValidationError(errors)


class InterviewSlot(Orderable):
    """A time at the booth when the employer's people interview visitors: as many as ``capacity`` may book it."""

    booth = ParentalKey(Booth, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=30)
    capacity = models.PositiveSmallIntegerField(_("visitors"), default=1)

    class Meta(Orderable.Meta):
        verbose_name = _("interview slot")
        verbose_name_plural = _("interview slots")

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{local:%d.%m.%Y %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.minutes)

    def clean(self):
        errors = {}
        if self.minutes is not None and not 5 <= self.minutes <= 240:
            errors["minutes"] = _("Between 5 and 240 minutes.")
        if self.capacity is not None and not 1 <= self.capacity <= 50:
            errors["capacity"] = _("Between 1 and 50 visitors.")
        if errors:
            raise ValidationError(errors)

    def held(self):
        """Places booked and not cancelled."""
        return self.bookings.filter(cancelled_at__isnull=True).count()
