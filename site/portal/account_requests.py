"""What every request for an account on the portal has in common, whoever asks (an organisation, a teacher): its
states, the fields that record them (``AccountRequest``), the closed account written with it, and the signed link in
the letter that confirms the e-mail address. The feature apps keep their own request models (subclassing
``AccountRequest``), forms and letters, and use these.

A link is ``TimestampSigner`` over the request's id with a salt per kind of request, so a link of one kind never
confirms another; it carries no secret of its own (the signature is the proof that the portal wrote it) and expires
after the number of days the app's setting gives.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portal.addresses import public_url


class RequestStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("e-mail not confirmed")
    CONFIRMED = "confirmed", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class AccountRequest(models.Model):
    """The fields every account request has: the address (the account's user name), the language of its letters, its
    state, when consent was given, the address confirmed and the request decided, and by whom. Abstract: each app's
    request model adds who is asking and its ``account``."""

    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language of the correspondence"), max_length=10, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    consent_at = models.DateTimeField(_("consent to the processing of personal data given"))
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        abstract = True

    @classmethod
    def confirm_address(cls, pk):
        """The request ``pk`` (the id its confirmation link carries), its address now confirmed if it was not yet.
        Raises ``signing.BadSignature`` when the request has been forgotten meanwhile."""
        with transaction.atomic():
            account_request = cls._default_manager.select_for_update().filter(pk=pk).first()
            if account_request is None:  # forgotten meanwhile
                raise signing.BadSignature("no such request")
            if account_request.status == RequestStatus.UNCONFIRMED:
                account_request.status, account_request.confirmed_at = RequestStatus.CONFIRMED, timezone.now()
                account_request.save(update_fields=["status", "confirmed_at"])
        return account_request


def closed_account(email, password, full_name):
    """The account written with a request: the address is its user name, the password the one the person chose, the
    full name split into first and last; closed (inactive) until the request is approved."""
    user = get_user_model().objects.create_user(username=email, email=email, password=password, is_active=False)
    first, _space, last = full_name.partition(" ")
    user.first_name, user.last_name = first[:150], last[:150]
    user.save(update_fields=["first_name", "last_name"])
    return user


class ConfirmationLink:
    """The signed link confirming the address of a request: ``url(pk, language)`` writes it (the URL named
    ``url_name``, which takes the token, in the request's language), ``read(token)`` gives the request's id back.
    ``max_age()`` is read at each use (settings may change under a test)."""

    def __init__(self, salt, url_name, max_age):
        self.salt, self.url_name, self.max_age = salt, url_name, max_age

    def token(self, pk):
        return signing.TimestampSigner(salt=self.salt).sign(str(pk))

    def url(self, pk, language):
        with translation.override(language):
            return public_url(reverse(self.url_name, args=[self.token(pk)]))

    def read(self, token):
        """The id the link was written for. Raises ``signing.SignatureExpired`` for a link past its time and
        ``signing.BadSignature`` for any other that is not the portal's."""
        return signing.TimestampSigner(salt=self.salt).unsign(token, max_age=self.max_age())
