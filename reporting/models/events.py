"""The career-guidance events a district's coordinator records as held: the kind (from the programme's plan), the
date, who held it, and how many took part — by grade band, with preschool children and the young people with
disabilities counted apart. They give the portal's own counts for indicators 7 (early guidance) and 8 (students
with disabilities), beside what the municipalities report (reporting.held). Numbers only: nobody is named."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from monitoring.models.indicators import in_default_locale
from monitoring.models.observations import PROGRAMME_YEARS

FIRST_DAY = datetime.date(PROGRAMME_YEARS[0], 1, 1)


class EventKind(models.TextChoices):
    # The kinds the programme's plan (section 4 of the seed document) names.
    UNIFIED_DAY = "unified-day", _("Unified day of professional self-determination")
    PARENTS = "parents", _("Parents’ meeting or parents’ club")
    TRIAL = "trial", _("Professional trial")
    EXCURSION = "excursion", _("Excursion to an enterprise or a college")
    FAIR = "fair", _("Fair of professions or vacancies")
    MASTER_CLASS = "master-class", _("Master class")
    LESSON = "lesson", _("Career-guidance lesson or class hour")
    CONTEST = "contest", _("Contest or championship")
    EARLY = "early", _("Early career guidance (kindergarten, grades 1–4)")
    OTHER = "other", _("Other")


class HeldEvent(models.Model):
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
        verbose_name=_("district"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date held"))
    organiser = models.CharField(
        _("held by"), max_length=255, help_text=_("The school, college, enterprise or office that held it.")
    )
    preschool = models.PositiveIntegerField(_("kindergarten children"), default=0)
    grades_1_4 = models.PositiveIntegerField(_("grades 1–4"), default=0)
    grades_5_7 = models.PositiveIntegerField(_("grades 5–7"), default=0)
    grades_8_9 = models.PositiveIntegerField(_("grades 8–9"), default=0)
    grades_10_11 = models.PositiveIntegerField(_("grades 10–11"), default=0)
    with_disabilities = models.PositiveIntegerField(
        _("of them with disabilities"),
        default=0,
        help_text=_("Children and students with disabilities (инвалидность, ОВЗ) among all those above."),
    )
    parents = models.PositiveIntegerField(_("parents"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("district", widget=forms.Select),  # the coordinator's districts only, not the snippets' chooser
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("organiser")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("preschool"), FieldPanel("grades_1_4"), FieldPanel("grades_5_7")]),
                FieldRowPanel([FieldPanel("grades_8_9"), FieldPanel("grades_10_11")]),
                FieldRowPanel([FieldPanel("with_disabilities"), FieldPanel("parents")]),
            ],
            heading=_("Participants"),
        ),
    ]

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("record of an event held")
        verbose_name_plural = _("records of events held")
        indexes = [models.Index(fields=["district", "date"])]

    def __str__(self):
        return f"{self.title} ({self.date:%d.%m.%Y})"

    @property
    def children(self):
        """Everyone who took part but the parents."""
        return self.preschool + self.grades_1_4 + self.grades_5_7 + self.grades_8_9 + self.grades_10_11

    def clean(self):
        problems = {}
        today = timezone.localdate()
        if self.date and self.date > today:
            problems["date"] = _("Record an event once it is held: this date is still to come.")
        elif self.date and self.date < FIRST_DAY:
            problems["date"] = _("The programme began in %(year)s.") % {"year": FIRST_DAY.year}
        if self.with_disabilities is not None and None not in self._counts():
            if self.with_disabilities > self.children:
                problems["with_disabilities"] = _(
                    "More than all the children and students who took part (%(count)s)."
                ) % {"count": self.children}
            if not self.children and not self.parents:
                problems["preschool"] = _("Enter how many took part.")
        if problems:
            raise ValidationError(problems)

    def _counts(self):
        return [self.preschool, self.grades_1_4, self.grades_5_7, self.grades_8_9, self.grades_10_11, self.parents]
