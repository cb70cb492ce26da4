"""The atlas professions ranked by fit for a diagnosis, each with the reasons it was suggested.

Fit adds up, in this order of weight: the student's interest in the profession's Klimov type (the score,
0–8), the school subjects they like that the profession rests on, its demand in their district and in the
krai, and the education level they aim for. With a disability category given (from the student's form only:
it is never part of the diagnosis, see ``state``), professions marked not suitable are left out and those
suitable with limitations say so. Every profession is read with four
queries, however many the atlas holds."""

from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from atlas.models import MunicipalDistrict, ProfessionPage, ProfessionSuitability, SchoolSubject
from portal.templatetags.portal_tags import content_names

from .klimov import TYPE_LABELS, level_of

TYPE_WEIGHT, SUBJECT_WEIGHT, MAX_SUBJECTS, DISTRICT_BONUS, HIGH_DEMAND_BONUS, LEVEL_BONUS = 10, 6, 3, 10, 5, 5
LIMITED_PENALTY = 5


@dataclass
class Suggestion:
    page: ProfessionPage
    fit: int = 0
    reasons: list = field(default_factory=list)
    cautions: list = field(default_factory=list)
    subjects: list = field(default_factory=list)


@dataclass
class Ranking:
    suggestions: list
    hidden_as_unsuitable: int
    district: MunicipalDistrict | None


def atlas_locale(page):
    """The language whose atlas the page suggests from: its own, or the default one when the atlas has no
    cards in it (the English site has the interface, not yet the atlas, in English)."""
    if ProfessionPage.objects.live().filter(locale=page.locale_id).exists():
        return page.locale
    return Locale.get_default()


def professions(locale):
    return (
        ProfessionPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("sector")
        .only(
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "klimov_type",
            "education_level",
            "demand_level",
            "is_future_profession",
            "salary_min",
            "salary_max",
            "summary",
            "sector__name",
            "sector__slug",
        )
        .order_by("title")
    )


def rank(diagnosis, locale, disability=""):
    profile = diagnosis.profile
    pages = list(professions(locale))
    ids = ProfessionPage.objects.live().public().filter(locale=locale).values("pk")
    subject_by_code = SchoolSubject.shown_by_code()
    subjects_of = {}
    for page_id, code in ProfessionPage.school_subjects.through.objects.filter(professionpage__in=ids).values_list(
        "professionpage_id", "schoolsubject__code"
    ):
        subjects_of.setdefault(page_id, []).append(code)
    district = (
        MunicipalDistrict.objects.filter(locale=locale, slug=diagnosis.district).first() if diagnosis.district else None
    )
    in_district = set()
    if district is not None:
        in_district = set(
            ProfessionPage.districts.through.objects.filter(
                professionpage__in=ids, municipaldistrict=district
            ).values_list("professionpage_id", flat=True)
        )
    suitability = {}
    if disability:
        suitability = {
            row.page_id: row for row in ProfessionSuitability.objects.filter(page__in=ids, category=disability)
        }

    suggestions, hidden = [], 0
    liked = set(diagnosis.subjects)
    for page in pages:
        fitting = suitability.get(page.pk)
        if fitting is not None and fitting.degree == "not_suitable":
            hidden += 1
            continue
        suggestion = Suggestion(
            page, subjects=[subject_by_code.get(c, c) for c in sorted(subjects_of.get(page.pk, []))]
        )
        if page.klimov_type:
            points = profile.scores[page.klimov_type]
            suggestion.fit += TYPE_WEIGHT * points
            if level_of(points) != "low":
                suggestion.reasons.append(
                    _("Your interest in the type «%(type)s»: %(score)s of 8")
                    % {"type": TYPE_LABELS[page.klimov_type], "score": points}
                )
        common = sorted(liked & set(subjects_of.get(page.pk, [])))
        if common:
            suggestion.fit += SUBJECT_WEIGHT * min(len(common), MAX_SUBJECTS)
            # The names are HTML: a fallback to the default language's name is marked with its language.
            names = content_names(subject_by_code.get(c, c) for c in common)
            message = ngettext("Your subject: %(names)s", "Your subjects: %(names)s", len(common))
            suggestion.reasons.append(mark_safe(conditional_escape(message) % {"names": names}))
        if page.pk in in_district:
            suggestion.fit += DISTRICT_BONUS
            suggestion.reasons.append(_("In demand in your district: %(district)s") % {"district": district.name})
        if page.demand_level == "high":
            suggestion.fit += HIGH_DEMAND_BONUS
            suggestion.reasons.append(_("High demand in the krai"))
        if diagnosis.level and page.education_level == diagnosis.level:
            suggestion.fit += LEVEL_BONUS
            suggestion.reasons.append(_("Matches the education level you aim for"))
        if disability:
            if fitting is None:
                suggestion.cautions.append(_("No information yet on whether it suits your health; ask a doctor."))
            elif fitting.degree == "limited":
                suggestion.fit -= LIMITED_PENALTY
                suggestion.cautions.append(
                    _("Suitable with limitations") + (f": {fitting.note}" if fitting.note else "")
                )
            else:
                suggestion.reasons.append(_("Suitable for your health condition"))
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: -s.fit)  # stable: equal fits stay in title order
    return Ranking(suggestions, hidden, district)
