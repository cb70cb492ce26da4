"""The portal's Russian catalog comes before Django's and Wagtail's own: a message id of theirs that ours also
translates changes their text everywhere (an import's «This field is required.» once renamed every required field
of every form). Ours may reuse their ids only with the same translation."""

from pathlib import Path

import django
import polib
import wagtail
from django.conf import settings


def catalog(path):
    return {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(path)) if e.translated() and not e.obsolete}


# Ids that ours translated otherwise before this test existed, mostly on purpose («ё», «учётная запись», «метки»), but
# each also renames the admin's word: to move under a message context (pgettext) of our own, one by one.
KNOWN = {
    *("Account", "account", "Breadcrumbs", "Collection", "collection", "Content", "Email", "From", "To", "Reports"),
    *("Skip to main content", "Sort", "Tags", "tags", "Task", "This month", "image", "images", "item", "name"),
    *("slug", "status"),
}


def test_our_catalog_never_retranslates_a_message_of_django_or_wagtail():
    ours = catalog(Path(settings.BASE_DIR) / "site/locale/ru/LC_MESSAGES/django.po")
    theirs = {}
    for package in (django, wagtail):
        for path in Path(package.__file__).parent.rglob("locale/ru/LC_MESSAGES/django.po"):
            theirs.update(catalog(path))
    assert len(theirs) > 1000  # the libraries' catalogs were found
    clashes = {key[1]: (ours[key], theirs[key]) for key in ours.keys() & theirs.keys() if ours[key] != theirs[key]}
    assert {msgid: both for msgid, both in clashes.items() if msgid not in KNOWN} == {}
