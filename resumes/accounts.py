"""What happens to a student's account: written with the consent given on the form, opened when the e-mail address is
confirmed, the consent given again for a new text, withdrawn, and the account deleted — by its owner at any time, or
by the portal once the consent has been withdrawn long enough or the address was never confirmed. Letters go through
the task queue (portal.mail), in the language of the form."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from portal import locales
from portal.account_requests import ConfirmationLink, closed_account
from portal.addresses import public_url
from portal.mail import queue_letter

from . import consent
from .models import Consent, StudentAccount, confirmation_age

LINK = ConfirmationLink("resumes.confirm-email", "resumes:confirm", confirmation_age)


class Duplicate(Exception):
    """An account with the same address was written first."""


def register(form):
    """Write the account of a valid form (closed until the address is confirmed) with the consent to the current text,
    and queue the confirmation letter. Raises ``Duplicate`` when the address was taken meanwhile."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            user = closed_account(data["email"], data["password1"], data["full_name"])
            student = StudentAccount.objects.create(
                full_name=data["full_name"],
                birth_date=data["birth_date"],
                occupation=data["occupation"],
                email=data["email"],
                account=user,
                consent_at=timezone.now(),
                language=translation.get_language() or locales.default_language(),
            )
            give_consent(student)
            mail(student, "confirm", link=LINK.url(student.pk, student.language))
    except IntegrityError as error:
        raise Duplicate from error
    return student


def confirm(token):
    """The account whose link ``token`` is, its address confirmed and the account open. Raises
    ``signing.SignatureExpired`` or ``signing.BadSignature`` for a link that is not (or no longer) good."""
    with transaction.atomic():
        student = StudentAccount.confirm_address(LINK.read(token))
        user = student.account
        if not user.is_active and student.current_consent() is not None:
            user.is_active = True
            user.save(update_fields=["is_active"])
    return student


@transaction.atomic
def give_consent(student):
    """Record the consent to the current text (after the form's box was ticked); an earlier consent in force, of an
    older version, ends now. Returns the new consent."""
    now = timezone.now()
    Consent.objects.select_for_update().filter(student=student, withdrawn_at__isnull=True).update(withdrawn_at=now)
    return Consent.objects.create(student=student, version=consent.CURRENT, digest=consent.digest(), given_at=now)


@transaction.atomic
def withdraw(student):
    """Withdraw the consent in force: from now on nothing of the student's is shown to anyone, and the account is
    deleted STUDENT_WITHDRAWN_KEPT_DAYS later unless consent is given again. Returns whether one was in force."""
    return bool(Consent.objects.filter(student=student, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now()))


def needs_consent(student):
    """Whether the student must (again) consent before the résumé base uses their data: none in force, or one given
    to an older text."""
    current = student.current_consent()
    return current is None or current.version < consent.CURRENT


def delete(student):
    """Delete the account and everything in it (the consents, and later the résumé, go with it: CASCADE)."""
    get_user_model().objects.filter(pk=student.account_id).delete()


def forget(queryset):
    """Delete the accounts of ``queryset``; returns how many went."""
    users = get_user_model().objects.filter(pk__in=queryset.values("account_id"))
    count = StudentAccount.objects.filter(account__in=users).count()
    users.delete()
    return count


def forget_lapsed_requests():
    """Accounts whose address was never confirmed and whose link expired: nothing of them is kept."""
    return forget(StudentAccount.objects.lapsed())


def forget_unneeded_accounts():
    """Lapsed unconfirmed accounts, and those whose consent was withdrawn long enough ago."""
    return forget_lapsed_requests() + forget(StudentAccount.objects.withdrawn_long_ago())


def mail(student, kind, **context):
    """Queue the letter ``resumes/mail/<kind>.txt`` to the student, in the language of the form."""
    queue_letter(
        f"resumes/mail/{kind}.txt",
        {"student": student, "days": confirmation_age().days, **context},
        student.email,
        student.language,
    )


def cabinet_url(language):
    with translation.override(language):
        return public_url(reverse("resumes:cabinet"))
