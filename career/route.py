"""The individual route to one profession: the profile class and exam subjects, the specialties and where
to study them in the krai (with their open days), the regional employers, and what to do this month.

The route is read with a fixed number of queries (one per kind of link); the same plan feeds the page and
the PDF."""

import datetime
from calendar import monthrange
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atlas.models import OpenDay, SchoolSubject
from home.models.events import EventPage
from portal import locales

from .models.steps import MonthlyStep
from .state import grade_band

# The five profiles of the secondary school standard (ФГОС СОО) and the subjects each one deepens.
PROFILES = [
    ("technological", _("technological"), {"math", "physics", "informatics"}),
    ("science", _("natural science"), {"chemistry", "biology"}),
    ("socio_economic", _("socio-economic"), {"social", "geography", "math"}),
    ("humanities", _("humanities"), {"russian", "literature", "history", "social", "english"}),
]
UNIVERSAL = _("universal")
NOT_EXAMINED = {"russian", "math", "pe", "technology", "art"}  # compulsory, or not an exam subject
ELECTIVES = 2


@dataclass
class RoutePlan:
    profile_class: str
    subjects: list
    exams: list = field(default_factory=list)
    exam_kind: str = ""
    exam_note: str = ""
    specialties: list = field(default_factory=list)
    places: list = field(default_factory=list)  # (organisation, [open days])
    employers: list = field(default_factory=list)
    atlas: object = None  # the atlas page, whose addresses show each organisation and employer
    steps: list = field(default_factory=list)
    open_days_this_month: list = field(default_factory=list)
    events_this_month: list = field(default_factory=list)


def profile_class(codes):
    scored = [(len(codes & subjects), label) for _code, label, subjects in PROFILES]
    best = max(scored, key=lambda item: item[0])
    return best[1] if best[0] else UNIVERSAL


def exams(profession, subjects, names):
    """The kind of exam, the subjects to take (``names``: the school subjects by code) and a note."""
    electives = [names[code] for code in subjects if code not in NOT_EXAMINED and code in names][:ELECTIVES]
    russian = [names["russian"]] if "russian" in names else []
    if profession.education_level == "vo":
        maths = _("mathematics (profile level)") if "math" in subjects else _("mathematics (basic level)")
        return (
            _("ЕГЭ (the unified state exam after grade 11)"),
            [*russian, maths, *electives],
            _(
                "Universities admit by the sum of ЕГЭ points in the subjects they set; check the list of the chosen "
                "university for this year."
            ),
        )
    return (
        _("ОГЭ (the state exam after grade 9)"),
        [*russian, *([names["math"]] if "math" in names else []), *electives],
        _(
            "Colleges admit after grade 9 or 11, mostly by the average mark of the school certificate; creative and "
            "some other specialties add an entrance test."
        ),
    )


def monthly_steps(grade, month):
    """The steps of the month for the grade's band (those for one grade only for that grade), in the visitor's
    language where translated (the template marks the others with their language). One query, two on a site in
    another language than the default."""
    steps = MonthlyStep.objects.filter(
        Q(grade__isnull=True) | Q(grade=grade),
        locale__language_code=locales.default_language(),
        grade_band=grade_band(grade),
        month=month,
    )
    return locales.localized(steps)


def route_plan(diagnosis, profession, today=None):
    today = today or datetime.date.today()
    # Every subject by code, in the visitor's language where translated: the compulsory exams are named even where
    # the profession does not list them.
    names = SchoolSubject.shown_by_code()
    subject_rows = list(profession.school_subjects.all())
    codes = [s.code for s in subject_rows]
    kind, exam_subjects, note = exams(profession, codes, names)
    organisations = list(profession.organisations.select_related("district"))
    home_district = diagnosis.district
    organisations.sort(key=lambda o: (not (o.district_id and o.district.slug == home_district), o.name))
    open_days = OpenDay.of(organisations, date__gte=today)
    plan = RoutePlan(
        profile_class=profile_class(set(codes)),
        subjects=[names.get(s.code, s) for s in subject_rows],
        exams=exam_subjects,
        exam_kind=kind,
        exam_note=note,
        specialties=list(profession.specialties.all()),
        places=[(o, open_days.get(o.translation_key, [])) for o in organisations],
        employers=list(profession.employers.all()),
        atlas=profession.get_parent().specific,
    )
    plan.steps = monthly_steps(diagnosis.grade, today.month)
    plan.open_days_this_month = [
        day
        for days in open_days.values()
        for day in days
        if (day.date.year, day.date.month) == (today.year, today.month)
    ]
    plan.events_this_month = [
        event
        for event in EventPage.objects.live()
        .public()
        .filter(locale=profession.locale_id)
        .only("title", "url_path", "path", "depth", "start_date", "end_date", "months", "until_year", "period_text")
        if not event.is_past and this_month(event, today)
    ]
    return plan


def this_month(event, today):
    if event.months:
        return today.month in event.month_numbers
    if not event.start_date:
        return False
    end = event.end_date or event.start_date
    last_day = today.replace(day=monthrange(today.year, today.month)[1])
    return event.start_date <= last_day and end >= today.replace(day=1)
