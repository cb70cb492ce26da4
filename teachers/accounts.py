"""What happens to a teacher's account request: sent, its e-mail confirmed by a signed link, approved or rejected by
an editor or the coordinator of its district, forgotten when it is no longer needed. Each step that concerns the
teacher queues a letter (portal.mail) in the same transaction, in the language of the request."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from portal import locales
from portal.account_requests import ConfirmationLink, closed_account
from portal.addresses import public_url
from portal.groups import teachers_group
from portal.mail import queue_letter

from .forms import TeacherRequestForm
from .models import Status, TeacherRequest, confirmation_age, rejected_kept

LINK = ConfirmationLink("teachers.confirm-email", "teachers:confirm", confirmation_age)


class Duplicate(Exception):
    """An account with the same address was written first (the database's unique user name said so)."""


def register(form: TeacherRequestForm):
    """Write the request of a valid form (a closed account and the request) and queue the confirmation letter.
    Raises ``Duplicate`` when a request with the same address was written meanwhile."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            user = closed_account(data["email"], data["password1"], data["full_name"])
            teacher = TeacherRequest.objects.create(
                full_name=data["full_name"],
                school=data["school"],
                district=data["district"],
                position=data["position"],
                email=data["email"],
                account=user,
                consent_at=timezone.now(),
                language=translation.get_language() or locales.default_language(),
            )
            mail(teacher, "confirm", link=LINK.url(teacher.pk, teacher.language))
    except IntegrityError as error:
        raise Duplicate from error
    return teacher


def confirm(token):
    """The request whose link ``token`` is, its e-mail now confirmed. Raises ``signing.SignatureExpired`` for a link
    past its time and ``signing.BadSignature`` for any other that is not the portal's."""
    return TeacherRequest.confirm_address(LINK.read(token))


@transaction.atomic
def approve(teacher, reviewer):
    """Open the account: the user is activated and joins «Педагоги»; the teacher is told how to sign in. Only a
    confirmed request can be approved; returns whether this one was."""
    teacher = TeacherRequest.objects.select_for_update().get(pk=teacher.pk)
    if teacher.status != Status.CONFIRMED:
        return False
    account = teacher.account
    account.is_active = True
    account.save(update_fields=["is_active"])
    account.groups.add(teachers_group())
    teacher.status, teacher.decided_at, teacher.decided_by = Status.APPROVED, timezone.now(), reviewer
    teacher.save(update_fields=["status", "decided_at", "decided_by"])
    with translation.override(teacher.language):
        link = public_url(reverse("wagtailcore_login"))
    mail(teacher, "approved", link=link, username=account.get_username())
    return True


@transaction.atomic
def reject(teacher, reviewer, reason):
    """Refuse the request with ``reason``: the account stays closed; the teacher gets the reason by letter."""
    teacher = TeacherRequest.objects.select_for_update().get(pk=teacher.pk)
    if teacher.status != Status.CONFIRMED:
        return False
    teacher.status, teacher.decided_at, teacher.decided_by = Status.REJECTED, timezone.now(), reviewer
    teacher.reason = reason
    teacher.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    mail(teacher, "rejected", reason=reason)
    return True


def forget(queryset):
    """Delete the requests of ``queryset`` with their closed accounts (an opened account is the teacher's and is not
    touched here); returns how many requests went."""
    closed = get_user_model().objects.filter(pk__in=queryset.values("account_id"), is_active=False)
    count = TeacherRequest.objects.filter(account__in=closed).count()
    closed.delete()  # the requests go with their accounts (CASCADE)
    return count


def forget_lapsed_requests():
    """Unconfirmed requests whose link expired: nothing of them is kept, and their address is free again."""
    return forget(TeacherRequest.objects.lapsed())


def forget_unneeded_requests():
    """Lapsed unconfirmed requests, and rejected ones older than ``TEACHER_REJECTED_KEPT_DAYS``."""
    return forget(TeacherRequest.objects.forgettable())


def mail(teacher, kind, **context):
    """Queue the letter ``teachers/mail/<kind>.txt`` to the teacher, in the language of the request."""
    queue_letter(
        f"teachers/mail/{kind}.txt",
        {"teacher": teacher, "days": confirmation_age().days, "kept_days": rejected_kept().days, **context},
        teacher.email,
        teacher.language,
    )
