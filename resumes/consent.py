"""The text of the consent students give, by version. The text says what the code does with the data (who sees it,
how long it is kept), so it changes with the code: a new version is a new template ``resumes/consent/v<N>.html`` and a
new entry in ``VERSIONS``, reviewed with the change that needs it. Every student whose consent is of an older version
is asked again before the résumé base shows anything of theirs.

A consent records the version and a SHA-256 digest of the Russian text as it was shown, so that what a person agreed
to can be proven later even if the template's wording was mended."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from portal import consent_texts, locales

# version → the day it took effect. 2: the support needed at work (possibly about health) named among the data, and
# contacts shown to every verified employer when the person ticks it. 3: the vacancy fairs (registrations, needs,
# interviews), who sees them and when they are deleted. 4: the photo and certificates added to the résumé.
VERSIONS = {
    1: datetime.date(2026, 11, 30),
    2: datetime.date(2026, 12, 1),
    3: datetime.date(2026, 12, 2),
    4: datetime.date(2026, 12, 3),
}
CURRENT = max(VERSIONS)


def template_name(version):
    return f"resumes/consent/v{version}.html"


def render(version=None, language=None):
    """The consent's text (HTML) of ``version`` (the current one by default) in ``language``."""
    with translation.override(language or translation.get_language()):
        return render_to_string(template_name(version or CURRENT), context())


def context():
    return {
        "operator": settings.PERSONAL_DATA_OPERATOR,
        "withdrawn_days": settings.STUDENT_WITHDRAWN_KEPT_DAYS,
        "confirmation_days": settings.STUDENT_CONFIRMATION_DAYS,
        "minimum_age": settings.STUDENT_MINIMUM_AGE,
        "fair_days": settings.FAIR_VISITORS_KEPT_DAYS,
    }


def digest(version=None):
    """SHA-256 of the text of ``version`` in the default language (Russian, the one that binds), with its markup and
    spacing taken out."""
    return consent_texts.digest(render(version, locales.default_language()))
