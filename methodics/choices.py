"""The fixed vocabularies of the methodological kits: grades, grade bands, profiles, formats, durations."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

PRESCHOOL, COLLEGE = 0, 12
GRADES = [
    (PRESCHOOL, _("preschool")),
    *((n, format_lazy(_("grade {n}"), n=n)) for n in range(1, 12)),
    (COLLEGE, _("college students")),
]

# (code, label, lowest grade, highest grade): the bands teachers pick from; a lesson matches a band when
# its own grade range overlaps it.
GRADE_BANDS = [
    ("preschool", _("Preschool"), PRESCHOOL, PRESCHOOL),
    ("1-4", _("Grades 1–4"), 1, 4),
    ("5-7", _("Grades 5–7"), 5, 7),
    ("8-9", _("Grades 8–9"), 8, 9),
    ("10-11", _("Grades 10–11"), 10, 11),
    ("college", _("College"), COLLEGE, COLLEGE),
]

# Early career guidance, as the programme's indicators 6 and 7 mean it: kindergartens and grades 1–4.
EARLY_GUIDANCE_GRADE_MAX = 4

PROFILES = [
    ("general", _("General")),
    ("engineering", _("Engineering")),
    ("medical", _("Medical")),
    ("pedagogical", _("Pedagogical")),
    ("technology", _("Subject «Technology»")),
    ("agro", _("Agriculture")),
]

FORMATS = [
    ("lesson", _("Lesson")),
    ("class_hour", _("Class hour")),
    ("game", _("Game")),
    ("trial", _("Professional trial")),
    ("excursion", _("Excursion")),
    ("parents_meeting", _("Parents’ meeting")),
    ("training", _("Training")),
]

# (code, label, shortest, longest minutes)
DURATIONS = [
    ("short", _("Up to 30 minutes"), 0, 30),
    ("lesson", _("One lesson (31–45 minutes)"), 31, 45),
    ("double", _("Up to two lessons (46–90 minutes)"), 46, 90),
    ("long", _("Longer than 90 minutes"), 91, 10_000),
]

MATERIAL_KINDS = [
    ("worksheet", _("Worksheet")),
    ("cards", _("Cards")),
    ("quiz", _("Test or quiz")),
    ("table", _("Table to fill in")),
    ("memo", _("Memo")),
    ("presentation", _("Presentation")),
    ("teacher_notes", _("Notes for the teacher")),
    ("other", _("Other")),
]


def grades_label(grade_min, grade_max):
    """«8–9 класс», «студенты СПО», «5 класс – студенты СПО»: a grade range in words."""
    names = dict(GRADES)
    if grade_min == grade_max:
        return str(names[grade_min])
    if grade_min > PRESCHOOL and grade_max < COLLEGE:
        return str(format_lazy(_("grades {low}–{high}"), low=grade_min, high=grade_max))
    return f"{names[grade_min]} – {names[grade_max]}"
