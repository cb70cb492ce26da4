"""What employers do with résumés: each look at one is recorded (the owner sees who looked and when), and an
invitation — a vacancy or a message — that the owner accepts or declines once. Both go with the résumé when the
account is deleted; an organisation's records go with its account."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .resume import Resume


class ResumeView(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="views")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    viewed_at = models.DateTimeField(_("looked at on"), default=timezone.now)

    class Meta:
        verbose_name = _("view of a résumé")
        verbose_name_plural = _("views of résumés")
        ordering = ["-viewed_at"]
        indexes = [models.Index(fields=["resume", "-viewed_at"], name="resume_view_recent")]

    def __str__(self):
        return f"{self.organisation} → {self.resume}, {self.viewed_at:%Y-%m-%d %H:%M}"


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("awaiting the answer")
    ACCEPTED = "accepted", _("accepted by the student")
    DECLINED = "declined", _("declined")


class InvitationQuerySet(models.QuerySet):
    def accepted_by(self, resume, organisation):
        return self.filter(resume=resume, organisation=organisation, status=InvitationStatus.ACCEPTED)


class Invitation(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vacancy"),
    )
    message = models.TextField(_("message to the student"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    sent_at = models.DateTimeField(_("sent on"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at"]
        constraints = [
            # One invitation awaiting an answer per organisation and résumé: a second would be a reminder in disguise.
            models.UniqueConstraint(
                fields=["resume", "organisation"], condition=Q(status="sent"), name="one_waiting_invitation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.resume}"
