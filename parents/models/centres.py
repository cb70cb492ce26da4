"""The krai's support centres for families (psychological, pedagogical, medical and social support — ППМС — and
career-guidance centres) and the consultation requests parents send them through the portal.

A request is personal data of the parent (and says something of the child): only the staff accounts of its centre
see it, the centre gets it by e-mail, and it is deleted some days after the centre marks it answered, or after
``CONSULTATION_KEPT_DAYS`` whatever happens (``manage.py forget_consultation_requests``)."""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import locales


class CentreKind(models.TextChoices):
    SUPPORT = "support", _("Psychological, pedagogical, medical and social support centre (ППМС)")
    CAREER = "career", _("Career guidance centre")


class SupportCentre(models.Model):
    """A centre parents may turn to: its contacts and hours as the directory shows them, and the staff accounts that
    read the requests sent to it. A centre without a district serves the whole krai."""

    name_ru = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CentreKind.choices, default=CentreKind.SUPPORT)
    district = models.ForeignKey(
        "atlas.MunicipalDistrict",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=locales.in_default_locale,
        verbose_name=_("district"),
        help_text=_("Leave empty for a centre that serves the whole krai."),
    )
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        validators=[RegexValidator(r"^\+?[\d\s()‐–-]{6,}$", _("Write the phone with digits, e.g. +7 4212 00-00-00."))],
    )
    email = models.EmailField(
        _("e-mail"), help_text=_("Consultation requests are sent to this address as well as shown in the admin.")
    )
    website = models.URLField(_("website"), blank=True)
    hours_ru = models.CharField(
        _("opening hours"), max_length=255, help_text=_("E.g. «пн–пт 9:00–18:00, обед 13:00–14:00».")
    )
    hours_en = models.CharField(_("opening hours in English"), max_length=255, blank=True)
    services_ru = models.TextField(
        _("what the centre offers families"), blank=True, help_text=_("One or two sentences for parents.")
    )
    services_en = models.TextField(_("what the centre offers, in English"), blank=True)
    accepts_requests = models.BooleanField(
        _("accepts consultation requests through the portal"),
        default=True,
        help_text=_("Only when someone at the centre reads them: at least one staff account below."),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="support_centres",
        verbose_name=_("staff accounts"),
        help_text=_("Only these accounts see the requests sent to the centre."),
    )
    is_demonstration = models.BooleanField(
        _("demonstration entry"),
        default=False,
        help_text=_("The directory marks it: a seeded example, not a real centre's details."),
    )

    class Meta:
        ordering = ["name_ru"]
        verbose_name = _("support centre")
        verbose_name_plural = _("support centres")

    def __str__(self):
        return self.name_ru

    def phone_digits(self):
        """The phone for a ``tel:`` link: the digits, with the leading «+» if written."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"+{digits}" if self.phone.strip().startswith("+") else digits

    def shown_name(self):
        return locales.column_in_language(self, "name")

    def shown_hours(self):
        return locales.column_in_language(self, "hours")

    def shown_services(self):
        return locales.column_in_language(self, "services")


class Grade(models.TextChoices):
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "1-4", _("Grades 1–4")
    MIDDLE = "5-7", _("Grades 5–7")
    LOWER_SECONDARY = "8-9", _("Grades 8–9")
    UPPER_SECONDARY = "10-11", _("Grades 10–11")
    COLLEGE = "college", _("College student")
    NOT_STUDYING = "none", pgettext_lazy("child's schooling", "Not at school or college")


class ConsultationRequestQuerySet(models.QuerySet):
    def seen_by(self, user):
        """The requests ``user`` may read: those sent to a centre whose staff they are (editors and superusers
        included: being an editor of the site opens no family's question)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(centre__staff=user)

    def past_keeping(self, now=None):
        """Requests answered more than ``CONSULTATION_ANSWERED_KEPT_DAYS`` ago, or sent more than
        ``CONSULTATION_KEPT_DAYS`` ago."""
        now = now or timezone.now()
        answered_before = now - datetime.timedelta(days=settings.CONSULTATION_ANSWERED_KEPT_DAYS)
        sent_before = now - datetime.timedelta(days=settings.CONSULTATION_KEPT_DAYS)
        return self.filter(Q(answered_at__lt=answered_before) | Q(created_at__lt=sent_before))


class ConsultationRequest(models.Model):
    """A parent's question to a centre. The consent to the processing of the data is part of sending it; the digest
    of the consent's Russian text as shown is kept with it."""

    centre = models.ForeignKey(
        SupportCentre, on_delete=models.CASCADE, related_name="requests", verbose_name=_("centre")
    )
    name = models.CharField(_("how to address you"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    grade = models.CharField(_("the child's grade"), max_length=10, choices=Grade.choices)
    question = models.TextField(_("question"), max_length=3000)
    language = models.CharField(_("language of the form"), max_length=10, default=locales.default_language)
    consent_digest = models.CharField(_("digest of the consent text shown"), max_length=64)
    created_at = models.DateTimeField(
        pgettext_lazy("consultation request", "sent"), default=timezone.now, db_index=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")

    def __str__(self):
        return f"{self.name}, {self.created_at:%d.%m.%Y}"

    def sender(self):
        return self.name

    sender.short_description = pgettext_lazy("consultation request", "from")

    def contact(self):
        return ", ".join(part for part in (self.email, self.phone) if part)

    contact.short_description = _("contact")

    def forget_on(self):
        """The day the request will be deleted at the latest."""
        sent_limit = self.created_at + datetime.timedelta(days=settings.CONSULTATION_KEPT_DAYS)
        if self.answered_at is None:
            return timezone.localdate(sent_limit)
        answered_limit = self.answered_at + datetime.timedelta(days=settings.CONSULTATION_ANSWERED_KEPT_DAYS)
        return timezone.localdate(min(sent_limit, answered_limit))

    forget_on.short_description = _("to be deleted by")
