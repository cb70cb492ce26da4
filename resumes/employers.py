"""Who may look at résumés, and what looking and inviting do. Only a verified employer does: a person of an
organisation whose account editors approved (partners), and an employer, not a college. Every look at a résumé is
recorded for its owner; contacts are shown when the owner chose to show them to every verified employer or accepted
this organisation's invitation. Invitations are answered once: a second answer, or one to another person's
invitation, changes nothing."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partners.permissions import organisation_of
from portal.addresses import public_url
from portal.mail import queue_letter

from . import accounts
from .models import Invitation, InvitationStatus, ResumeView


def employer_of(user):
    """The verified employer ``user`` belongs to, or None."""
    organisation = organisation_of(user)
    if organisation is None or organisation.educational_organization_id is not None:
        return None
    return organisation


def employer_required(user):
    organisation = employer_of(user)
    if organisation is None:
        raise PermissionDenied
    return organisation


def look_at(resume, organisation):
    """Record that ``organisation`` opened ``resume`` now."""
    ResumeView.objects.create(resume=resume, organisation=organisation)


def contacts_visible(resume, organisation):
    return resume.contacts_shown or Invitation.objects.accepted_by(resume, organisation).exists()


class AlreadyWaiting(Exception):
    """The organisation's earlier invitation to this résumé still awaits its answer."""


def invite(resume, organisation, *, vacancy=None, message=""):
    """Send the invitation and queue the letter to the résumé's owner. Raises ``AlreadyWaiting``."""
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                resume=resume, organisation=organisation, vacancy=vacancy, message=message
            )
    except IntegrityError as error:
        raise AlreadyWaiting from error
    student = resume.student
    queue_letter(
        "resumes/mail/invitation.txt",
        {"invitation": invitation, "cabinet_url": accounts.cabinet_url(student.language)},
        student.email,
        student.language,
    )
    return invitation


def answer(student, invitation_pk, accepted):
    """The student's answer to their invitation ``invitation_pk``: returns it, or None when there is no such
    invitation of theirs awaiting an answer (answered already, or another person's). Letters go to both sides."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))  # not the nullable vacancy of the outer join
            .select_related("organisation", "vacancy")
            .filter(pk=invitation_pk, resume__student=student, status=InvitationStatus.SENT)
            .first()
        )
        if invitation is None:
            return None
        invitation.status = InvitationStatus.ACCEPTED if accepted else InvitationStatus.DECLINED
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["status", "answered_at"])
    organisation = invitation.organisation
    resume = invitation.resume
    context = {"invitation": invitation, "resume": resume, "student": student}
    queue_letter(
        "resumes/mail/answer.txt",
        {**context, "resume_url": admin_resume_url(resume)},
        organisation.email,
        organisation.language,
    )
    if accepted:
        queue_letter("resumes/mail/accepted.txt", context, student.email, student.language)
    return invitation


def admin_resume_url(resume):
    return public_url(reverse("resumes_admin:resume", args=[resume.pk]))
