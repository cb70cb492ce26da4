"""A student's or graduate's account and the consents given with it. The account is the person's own: opened when the
e-mail address is confirmed (no editor approves it), deleted by its owner at any time with everything in it, and
deleted by the portal ``STUDENT_WITHDRAWN_KEPT_DAYS`` after the consent is withdrawn."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.account_requests import AccountRequest, RequestStatus


def confirmation_age():
    return datetime.timedelta(days=settings.STUDENT_CONFIRMATION_DAYS)


class Occupation(models.TextChoices):
    COLLEGE = "college", _("college student")
    GRADUATE = "graduate", _("college or university graduate")
    UNIVERSITY = "university", _("university student")


class StudentAccountQuerySet(models.QuerySet):
    def lapsed(self):
        """Unconfirmed accounts whose link has expired."""
        return self.filter(status=RequestStatus.UNCONFIRMED, created_at__lte=timezone.now() - confirmation_age())

    def withdrawn_long_ago(self):
        """Accounts whose consent was withdrawn more than STUDENT_WITHDRAWN_KEPT_DAYS ago and not given again."""
        since = timezone.now() - datetime.timedelta(days=settings.STUDENT_WITHDRAWN_KEPT_DAYS)
        current = Consent.objects.filter(withdrawn_at__isnull=True)
        return self.filter(consents__withdrawn_at__lte=since).exclude(consents__in=current).distinct()


class StudentAccount(AccountRequest):
    """Who the student is (as the person writes it), the e-mail address (the account's user name) and the account."""

    full_name = models.CharField(_("surname, first name, patronymic"), max_length=255)
    birth_date = models.DateField(_("date of birth"))
    occupation = models.CharField(_("who you are"), max_length=12, choices=Occupation.choices)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="student", verbose_name=_("account")
    )

    objects = StudentAccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("student's account")
        verbose_name_plural = _("students' accounts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.full_name

    def current_consent(self):
        """The consent in force (given and not withdrawn), or None."""
        return self.consents.filter(withdrawn_at__isnull=True).order_by("-given_at").first()


class Consent(models.Model):
    """One consent to the processing of personal data: the version of the text and the digest of what was shown,
    when it was given and when withdrawn. Kept with the account and deleted with it."""

    student = models.ForeignKey(StudentAccount, on_delete=models.CASCADE, related_name="consents")
    version = models.PositiveSmallIntegerField(_("version of the text"))
    digest = models.CharField(_("SHA-256 of the text shown"), max_length=64)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent to the processing of personal data")
        verbose_name_plural = _("consents to the processing of personal data")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["student"], condition=models.Q(withdrawn_at__isnull=True), name="one_consent_in_force"
            )
        ]

    def __str__(self):
        return f"{self.student} — v{self.version}, {self.given_at:%Y-%m-%d}"
