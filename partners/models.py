"""An organisation's account on the portal, and what every item an organisation owns has in common."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.account_requests import AccountRequest, RequestStatus

# The states every account request goes through (portal.account_requests).
Status = RequestStatus


# A request in these states stands in the way of a second one for the same organisation (an unconfirmed one only
# while its link is valid: OrganisationQuerySet.standing).
STANDING = [Status.CONFIRMED, Status.APPROVED]


phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{5,25}$",
    _("Write the phone number with digits, spaces, brackets or dashes, e.g. +7 4212 00-00-00."),
)


def confirmation_age():
    return timedelta(days=settings.PARTNER_CONFIRMATION_DAYS)


class OrganisationQuerySet(models.QuerySet):
    def standing(self):
        """Requests that block another for the same organisation: pending (confirmed, or unconfirmed with a link
        still valid) or approved."""
        fresh = Q(status=Status.UNCONFIRMED, created_at__gt=timezone.now() - confirmation_age())
        return self.filter(Q(status__in=STANDING) | fresh)

    def lapsed(self):
        """Unconfirmed requests whose link has expired: nothing of them is kept (SECURITY.md)."""
        return self.filter(status=Status.UNCONFIRMED, created_at__lte=timezone.now() - confirmation_age())


class Organisation(AccountRequest):
    """An employer or a college with an account: who they are (matched to the atlas when they are in it), their
    ИНН, the contact person and the state of the request. Its people sign in to the admin once editors approve it;
    until then nothing it publishes is public."""

    name = models.CharField(_("organisation"), max_length=255)
    inn = models.CharField(_("ИНН"), max_length=12, db_index=True)
    employer = models.ForeignKey(
        "atlas.Employer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("employer in the atlas"),
    )
    educational_organization = models.ForeignKey(
        "atlas.EducationalOrganization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("educational organisation in the atlas"),
    )
    description = models.TextField(
        _("about the organisation"),
        blank=True,
        help_text=_("What the organisation does and what young people can see or learn there."),
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255)
    contact_position = models.CharField(_("position"), max_length=255)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation",
        verbose_name=_("account"),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image collection"),
    )
    group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("the organisation's own group"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation account")
        verbose_name_plural = _("organisation accounts")
        ordering = ["-created_at"]
        permissions = [("review_organisation", _("Can approve or reject organisation accounts"))]
        # A second pending or approved account for the same organisation is refused by the form; these keep a
        # race between two requests from writing both.
        constraints = [
            models.UniqueConstraint(fields=["inn"], condition=Q(status__in=STANDING), name="one_standing_per_inn"),
            models.UniqueConstraint(
                fields=["employer"], condition=Q(status__in=STANDING), name="one_standing_per_employer"
            ),
            models.UniqueConstraint(
                fields=["educational_organization"],
                condition=Q(status__in=STANDING),
                name="one_standing_per_educational_organization",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_approved(self):
        return self.status == Status.APPROVED


class OwnedByOrganisationQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: items of approved organisations only."""
        return self.filter(organisation__status=Status.APPROVED)


class OwnedByOrganisation(models.Model):
    """An item an organisation publishes (opportunities and vacancies in later slices): its people see and edit only
    their own organisation's items (partners.permissions.OrganisationPermissionPolicy), and visitors see it only
    once the organisation is approved (``objects.public()``)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )

    objects = OwnedByOrganisationQuerySet.as_manager()

    class Meta:
        abstract = True
