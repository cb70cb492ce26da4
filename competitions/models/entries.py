"""Entries of the competitions, their files and the jury's scores.

An entry is personal data (the participant's name, grade and school; the work itself): only its entrant sees it on
the site («Мои заявки»), only the competition's jury and the accounts that run competitions see it in the admin, and
it is deleted COMPETITION_ENTRIES_KEPT_DAYS after the results are published (``manage.py
forget_competition_entries``) — except a winning work taken into the best practices, of which the title, the name as
published («Имя Ф.»), the school, the nomination, the result and the files stay."""

import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import locales
from portal.private_media import private_storage

from ..access import runs_competitions


class EntryStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("entry", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("entry", "Accepted")
    REJECTED = "rejected", pgettext_lazy("entry", "Rejected")


class EntryResult(models.TextChoices):
    NONE = "", pgettext_lazy("entry result", "—")
    WINNER = "winner", _("Winner")
    PRIZE_WINNER = "prize", _("Prize-winner")


AWARDED = (EntryResult.WINNER, EntryResult.PRIZE_WINNER)


class Participant(models.TextChoices):
    STUDENT = "student", pgettext_lazy("participant", "Student")
    TEACHER = "teacher", pgettext_lazy("participant", "Teacher")


class EntryQuerySet(models.QuerySet):
    def seen_by(self, user):
        """The entries ``user`` may read in the admin: every entry for those who run competitions, the entries of the
        competitions whose jury they are on for the jurors, none for anyone else."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if runs_competitions(user):
            return self
        return self.filter(competition__jurors=user)

    def past_keeping(self, now=None):
        """Entries of competitions whose results were published more than COMPETITION_ENTRIES_KEPT_DAYS ago, or which
        closed more than COMPETITION_ENTRIES_MAX_DAYS ago with no results published."""
        now = now or timezone.now()
        published_before = now - datetime.timedelta(days=settings.COMPETITION_ENTRIES_KEPT_DAYS)
        closed_before = timezone.localdate(now) - datetime.timedelta(days=settings.COMPETITION_ENTRIES_MAX_DAYS)
        return self.filter(
            Q(competition__results_published_at__lt=published_before)
            | Q(competition__results_published_at__isnull=True, competition__entries_close_on__lt=closed_before)
        )


class Entry(models.Model):
    """A work entered for a competition: by a student for themselves, by a teacher for themselves, or by a teacher on
    behalf of a student (with the teacher's statement that a parent consented)."""

    competition = models.ForeignKey(
        "competitions.CompetitionPage", on_delete=models.CASCADE, related_name="entries", verbose_name=_("competition")
    )
    nomination = models.ForeignKey(
        "competitions.Nomination",
        null=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("nomination"),
    )
    entrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competition_entries",
        verbose_name=_("entered by"),
    )
    participant = models.CharField(_("participant"), max_length=10, choices=Participant.choices)
    participant_first_name = models.CharField(_("participant's first name"), max_length=100)
    participant_last_name = models.CharField(_("participant's surname"), max_length=100)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True, validators=[MaxValueValidator(11)])
    school = models.CharField(_("school or college"), max_length=255)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=locales.in_default_locale,
        verbose_name=_("district"),
    )
    full_name_agreed = models.BooleanField(
        _("the full name may be published with the results"),
        default=False,
        help_text=_("Otherwise the results show the first name and the surname's initial."),
    )
    title = models.CharField(_("title of the work"), max_length=255)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    video_url = models.URLField(_("link to a video"), blank=True)
    consent_digest = models.CharField(_("digest of the consent text shown"), max_length=64)
    language = models.CharField(_("language of the form"), max_length=10, default=locales.default_language)
    status = models.CharField(
        _("status"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.SUBMITTED, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    result = models.CharField(_("result"), max_length=10, choices=EntryResult.choices, blank=True, default="")
    best_practice = models.ForeignKey(
        "methodics.BestPracticePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("best practice made of it"),
    )
    personal_data_erased = models.BooleanField(_("personal data erased"), default=False, editable=False)
    is_demonstration = models.BooleanField(_("demonstration entry"), default=False)
    created_at = models.DateTimeField(pgettext_lazy("entry", "submitted"), default=timezone.now, db_index=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = pgettext_lazy("competition", "entry")
        verbose_name_plural = _("entries")
        permissions = [("run_competitions", "Can see every competition's entries and publish results")]

    def __str__(self):
        return f"{self.title} — {self.published_name()}"

    def published_name(self):
        """The participant as the results show them: «Имя Ф.»."""
        initial = self.participant_last_name[:1]
        return f"{self.participant_first_name} {initial}." if initial else self.participant_first_name

    published_name.short_description = _("participant")

    def public_name(self):
        """The name the results show: the full name if the entrant agreed, else «Имя Ф.»."""
        if self.full_name_agreed and not self.personal_data_erased:
            return f"{self.participant_first_name} {self.participant_last_name}"
        return self.published_name()

    def shown_status(self):
        """(code, label) of what the entrant sees: rejected, winner or prize-winner once results are published,
        scored, accepted, submitted."""
        if self.status == EntryStatus.REJECTED:
            return EntryStatus.REJECTED, EntryStatus.REJECTED.label
        if self.result and self.competition.results_published_at:
            return self.result, EntryResult(self.result).label
        if self.scored:
            return "scored", pgettext_lazy("entry", "Scored by the jury")
        return self.status, EntryStatus(self.status).label

    @property
    def scored(self):
        cached = getattr(self, "score_count", None)
        return cached > 0 if cached is not None else self.scores.exists()


def stored_name(instance, filename):
    """A name nobody can guess, the extension kept (the file is served by a view that checks who asks)."""
    return f"competitions/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class EntryFile(models.Model):
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="files", verbose_name=pgettext_lazy("competition", "entry")
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=stored_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("entry file")
        verbose_name_plural = _("entry files")

    def __str__(self):
        return self.original_name

    @property
    def extension(self):
        return PurePath(self.file.name).suffix.lower().lstrip(".")


class Score(models.Model):
    """A juror's score of an entry: one total of 0–100 points and a comment; one score per juror and entry."""

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="scores", verbose_name=pgettext_lazy("competition", "entry")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competition_scores", verbose_name=_("juror")
    )
    points = models.PositiveSmallIntegerField(_("points (0–100)"), validators=[MaxValueValidator(100)])
    comment = models.TextField(_("comment"), blank=True, max_length=3000)
    scored_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        ordering = ["entry", "juror"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["entry", "juror"], name="one_score_per_juror_and_entry")]

    def __str__(self):
        return f"{self.entry_id}: {self.points}"
