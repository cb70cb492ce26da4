"""Letters to the editors about what visitors sent, through the task queue (portal.mail): never inside the request."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from home.roles import EDITORS, MODERATORS
from portal import locales
from portal.mail import queue_message


def editors_addresses():
    """The e-mails of the active editors and moderators (the portal's editorial roles, home.roles)."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=(EDITORS, MODERATORS)).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def recipients(to_address=""):
    """``to_address`` (comma-separated, as the form page keeps it) when given, else the editors and moderators."""
    given = [address.strip() for address in (to_address or "").split(",") if address.strip()]
    return given or editors_addresses()


def queue_to_editors(template, context, to_address="", subject=""):
    """Queue the letter of ``template`` (plain text, its first line the subject unless ``subject`` is given) to the
    editors, in the default language (the editors'). Nothing is queued when nobody is there to read it."""
    addresses = recipients(to_address)
    if not addresses:
        return None
    with translation.override(locales.default_language()):
        text = render_to_string(template, context)
    first_line, _newline, body = text.strip().partition("\n")
    return queue_message(subject or first_line.strip(), body.strip() + "\n", addresses)
