"""What the portal counts of a diagnosis, anonymously, in this year's tallies for indicator 1 and, when the
student entered a class code, as the class's anonymous result: a completed questionnaire and a built route
(only the first one of a diagnosis) — each once, however often a browser or anyone else sends the same
POST again.

The second step's form carries a signed random nonce (``form_nonce``); the diagnosis made from it keeps the
nonce in its token, and the first POST that brings it writes a ``CountedDiagnosis`` row (with the class
result, if any). A replay of that POST finds the row and counts nothing; a route POST counts only while the
row's route is not counted yet."""

import datetime

from django.core import signing
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from atlas.models import MunicipalDistrict

from .models.sessions import ClassResult, ClassSession
from .models.tallies import CountedDiagnosis, DiagnosticTally, RouteChoiceTally
from .ranking import rank
from .state import new_nonce

SUGGESTED_KEPT = 3
FORM_SALT = "career.about-nonce"
# A second step sent more than a week after its form was shown is not counted, so that a nonce needs
# remembering only for as long as a route may still be counted: a year after its diagnosis.
FORM_LIFETIME = datetime.timedelta(days=7)
REMEMBERED = datetime.timedelta(days=366)


def form_nonce():
    """A new nonce for the second step's form, signed with the time it was made."""
    return signing.TimestampSigner(salt=FORM_SALT).sign(new_nonce())


def nonce_from_form(value):
    """The nonce of a second step's form, or "" when it is missing, changed or too old to count."""
    try:
        return signing.TimestampSigner(salt=FORM_SALT).unsign(value or "", max_age=FORM_LIFETIME)
    except signing.BadSignature:
        return ""


def counted_district(diagnosis, locale):
    """The district as the monitoring knows it (the default language's row), or None."""
    if not diagnosis.district:
        return None
    district = MunicipalDistrict.objects.filter(locale=locale, slug=diagnosis.district).first()
    if district is None:
        return None
    default = Locale.get_default()
    return district if district.locale_id == default.pk else district.get_translation_or_none(default)


def in_default_language(page):
    """The atlas card of the default language the monitoring counts by (itself when it is one)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


@transaction.atomic
def completed(diagnosis, locale, class_code=""):
    """Count a completed questionnaire, and its anonymous result in the class whose code the student
    entered (if that session is still open) — once per nonce."""
    if not diagnosis.nonce:
        return
    mark, new = CountedDiagnosis.objects.get_or_create(nonce=diagnosis.nonce)
    if not new:
        return
    DiagnosticTally.count(district=counted_district(diagnosis, locale), grade_band=diagnosis.grade_band, completed=1)
    session = ClassSession.objects.open().filter(code=class_code).first() if class_code else None
    if session is not None:
        suggested = [s.page.pk for s in rank(diagnosis, locale).suggestions[:SUGGESTED_KEPT]]
        mark.result = ClassResult.objects.create(
            session=session, grade_band=diagnosis.grade_band, suggested=suggested, **diagnosis.profile.scores
        )
        mark.save(update_fields=["result"])


@transaction.atomic
def route_built(diagnosis, profession, locale):
    """Count the first route built from a diagnosis (choosing another profession later, or sending the same
    POST again, is not a new route) and put the profession in its class result; returns the diagnosis
    leading to ``profession``."""
    if diagnosis.nonce:
        mark = CountedDiagnosis.objects.filter(nonce=diagnosis.nonce)
        # The UPDATE lets one request through per nonce, whichever process it runs in.
        if mark.filter(route_counted=False).update(route_counted=True):
            tallied = counted_district(diagnosis, locale)
            DiagnosticTally.count(district=tallied, grade_band=diagnosis.grade_band, routes=1)
            RouteChoiceTally.count(
                district=tallied, grade_band=diagnosis.grade_band, profession=in_default_language(profession)
            )
        ClassResult.objects.filter(pk__in=mark.values("result")).update(route_profession=profession)
    return diagnosis.but(chosen=profession.pk)


def forget_old():
    """Delete the marks of diagnoses older than ``REMEMBERED`` (their routes are no longer counted); returns
    how many."""
    deleted, _by_model = CountedDiagnosis.objects.filter(counted_on__lt=timezone.localdate() - REMEMBERED).delete()
    return deleted
