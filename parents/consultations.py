"""Consultation requests from sending to deletion: a parent sends one (stored with the digest of the consent shown,
the centre's letter queued in the same transaction), the centre's staff mark it answered, and the daily housekeeping
deletes it when it is no longer needed (``ConsultationRequestQuerySet.past_keeping``)."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal import consent_texts, locales
from portal.addresses import public_url
from portal.mail import queue_letter

from .models.centres import ConsultationRequest, SupportCentre

CONSENT_TEMPLATE = "parents/consent.html"


def consent_context():
    return {
        "operator": settings.PERSONAL_DATA_OPERATOR,
        "answered_days": settings.CONSULTATION_ANSWERED_KEPT_DAYS,
        "kept_days": settings.CONSULTATION_KEPT_DAYS,
    }


def consent_text(language=None):
    """The consent's text (HTML) in ``language`` (the active one by default)."""
    with translation.override(language or translation.get_language()):
        return render_to_string(CONSENT_TEMPLATE, consent_context())


def taking_requests():
    """The centres a parent may write to: those that accept requests and have someone to read them."""
    return SupportCentre.objects.filter(accepts_requests=True, staff__isnull=False).distinct()


def request_link(consultation):
    """The request's page in the admin, as a full address for the centre's letter."""
    return public_url(reverse("parents_requests:inspect", args=[consultation.pk]))


@transaction.atomic
def send(form, language):
    """Store the request of a valid ``form`` and queue the centre's letter (and the parent's receipt when they gave
    an e-mail); the letters go only if the request is stored."""
    consultation = form.save(commit=False)
    consultation.language = language
    # The binding text is the Russian one, whatever language the form was shown in.
    consultation.consent_digest = consent_texts.digest(consent_text(locales.default_language()))
    consultation.save()
    centre = consultation.centre
    queue_letter(
        "parents/mail/new_request.txt",
        {
            "consultation": consultation,
            "centre": centre,
            "link": request_link(consultation),
            "answered_days": settings.CONSULTATION_ANSWERED_KEPT_DAYS,
        },
        centre.email,
        locales.default_language(),
    )
    if consultation.email:
        queue_letter(
            "parents/mail/receipt.txt",
            {"consultation": consultation, "centre": centre, "forget_on": consultation.forget_on()},
            consultation.email,
            language,
        )
    return consultation


def mark_answered(consultation, user):
    """The centre has answered: the request will be deleted ``CONSULTATION_ANSWERED_KEPT_DAYS`` from now."""
    if consultation.answered_at is None:
        consultation.answered_at = timezone.now()
        consultation.answered_by = user
        consultation.save(update_fields=["answered_at", "answered_by"])
    return consultation


def forget_unneeded(now=None):
    """Delete the requests past their keeping time; returns how many."""
    deleted, _by_model = ConsultationRequest.objects.past_keeping(now).delete()
    return deleted
