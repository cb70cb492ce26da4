"""What every request for an account on the portal has in common, whoever asks (an organisation, a teacher): its
states, and the signed link in the letter that confirms the e-mail address. The feature apps keep their own request
models, forms and letters, and use these.

A link is ``TimestampSigner`` over the request's id with a salt per kind of request, so a link of one kind never
confirms another; it carries no secret of its own (the signature is the proof that the portal wrote it) and expires
after the number of days the app's setting gives.
"""

from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.addresses import public_url


class RequestStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("e-mail not confirmed")
    CONFIRMED = "confirmed", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


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
