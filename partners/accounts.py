"""What happens to an organisation account: requested, its e-mail confirmed by a signed link, approved or rejected by
an editor. Each step that concerns the contact person queues a mail (portal.mail) in the same transaction."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Collection, GroupCollectionPermission

from atlas.models import EducationalOrganization, Employer
from portal import locales
from portal.account_requests import ConfirmationLink, closed_account
from portal.addresses import public_url
from portal.mail import queue_letter

from .forms import RegistrationForm
from .models import Organisation, Status, confirmation_age
from .permissions import ORGANISATIONS_GROUP, organisations_group

SALT = "partners.confirm-email"
LINK = ConfirmationLink(SALT, "partners:confirm", confirmation_age)
# What an organisation's own group may do in its image collection: upload, edit and choose its images.
COLLECTION_PERMISSIONS = ["add_image", "change_image", "choose_image"]


class Duplicate(Exception):
    """Another request for the same organisation was written first (the database's constraint said so)."""


def forget_lapsed_requests():
    """Unconfirmed requests whose link expired, with their inactive accounts: nothing of them is kept, and their
    organisation and address are free for a new request."""
    lapsed = Organisation.objects.lapsed()
    get_user_model().objects.filter(pk__in=lapsed.values("account_id"), is_active=False).delete()


def register(form: RegistrationForm):
    """Write the request of a valid form (an inactive account and the organisation) and queue the confirmation mail.
    Raises ``Duplicate`` when a request for the same organisation was written meanwhile."""
    data = form.cleaned_data
    atlas = form.atlas_organisation
    try:
        with transaction.atomic():
            user = closed_account(data["email"], data["password1"], data["contact_name"])
            organisation = Organisation.objects.create(
                name=data["name"],
                inn=data["inn"],
                employer=atlas if isinstance(atlas, Employer) else None,
                educational_organization=atlas if isinstance(atlas, EducationalOrganization) else None,
                contact_name=data["contact_name"],
                contact_position=data["contact_position"],
                email=data["email"],
                phone=data["phone"],
                account=user,
                consent_at=timezone.now(),
                language=translation.get_language() or locales.default_language(),
            )
            mail(organisation, "confirm", link=confirmation_link(organisation))
    except IntegrityError as error:
        raise Duplicate from error
    return organisation


def confirmation_link(organisation):
    return LINK.url(organisation.pk, organisation.language)


def confirm(token):
    """The organisation whose link ``token`` is, its e-mail now confirmed. Raises ``signing.SignatureExpired`` for a
    link past its time and ``signing.BadSignature`` for any other that is not the portal's."""
    return Organisation.confirm_address(LINK.read(token))


@transaction.atomic
def approve(organisation, editor, *, notify=True):
    """Open the account: the user is activated and joins «Организации» and the organisation's own group, which may
    use the organisation's new image collection; the contact is told (unless ``notify`` is false: the demonstration
    accounts of the seed). Only a confirmed request can be approved."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.status != Status.CONFIRMED:
        return False
    collection = Collection.get_first_root_node().add_child(name=organisation.name[:255])
    group = Group.objects.create(name=f"{ORGANISATIONS_GROUP}: {organisation.name}"[:130] + f" #{organisation.pk}")
    for codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label="wagtailimages", codename=codename),
        )
    account = organisation.account
    account.is_active = True
    account.save(update_fields=["is_active"])
    account.groups.add(organisations_group(), group)
    organisation.status = Status.APPROVED
    organisation.collection, organisation.group = collection, group
    organisation.decided_at, organisation.decided_by = timezone.now(), editor
    organisation.save()
    if notify:
        mail(organisation, "approved", link=public_url(reverse("wagtailadmin_home")), username=account.username)
    return True


@transaction.atomic
def reject(organisation, editor):
    """Refuse the request: the account stays closed; the contact is told."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.status != Status.CONFIRMED:
        return False
    organisation.status = Status.REJECTED
    organisation.decided_at, organisation.decided_by = timezone.now(), editor
    organisation.save(update_fields=["status", "decided_at", "decided_by"])
    mail(organisation, "rejected")
    return True


def mail(organisation, kind, **context):
    """Queue the mail ``partners/mail/<kind>.txt`` (its first line the subject) to the contact, in their language."""
    queue_letter(
        f"partners/mail/{kind}.txt",
        {"organisation": organisation, "days": confirmation_age().days, **context},
        organisation.email,
        organisation.language,
    )
