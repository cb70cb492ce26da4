"""What the portal counts of a diagnosis, anonymously, in this year's tallies for indicator 1 and, when the
student entered a class code, as the class's anonymous result: a completed questionnaire (each time the
second step is submitted) and a built route (only the first one of a diagnosis)."""

from django.db import transaction
from wagtail.models import Locale

from atlas.models import MunicipalDistrict

from .models import ClassResult, ClassSession, DiagnosticTally
from .ranking import rank

SUGGESTED_KEPT = 3


def counted_district(diagnosis, locale):
    """The district as the monitoring knows it (the default language's row), or None."""
    if not diagnosis.district:
        return None
    district = MunicipalDistrict.objects.filter(locale=locale, slug=diagnosis.district).first()
    if district is None:
        return None
    default = Locale.get_default()
    return district if district.locale_id == default.pk else district.get_translation_or_none(default)


@transaction.atomic
def completed(diagnosis, locale):
    """Count a completed questionnaire; returns the diagnosis tied to its class result, if any."""
    DiagnosticTally.count(district=counted_district(diagnosis, locale), grade_band=diagnosis.grade_band, completed=1)
    session = ClassSession.objects.open().filter(code=diagnosis.session).first() if diagnosis.session else None
    if session is None:
        return diagnosis.but(session="")
    suggested = [s.page.pk for s in rank(diagnosis, locale).suggestions[:SUGGESTED_KEPT]]
    result = ClassResult.objects.create(
        session=session, grade_band=diagnosis.grade_band, suggested=suggested, **diagnosis.profile.scores
    )
    return diagnosis.but(result=result.pk)


@transaction.atomic
def route_built(diagnosis, profession, locale):
    """Count the first route built from a diagnosis (choosing another profession later is not a new
    route); returns the diagnosis leading to ``profession``."""
    if diagnosis.chosen is None:
        DiagnosticTally.count(district=counted_district(diagnosis, locale), grade_band=diagnosis.grade_band, routes=1)
    if diagnosis.result:
        ClassResult.objects.filter(pk=diagnosis.result, session__code=diagnosis.session).update(
            route_profession=profession
        )
    return diagnosis.but(chosen=profession.pk)
