"""How long the study for a profession takes, for the comparison: the programme durations the atlas's specialties
state, else the usual length for the profession's education level (marked as usual, so nobody reads it as a
college's own term), else «not known». The row was empty when the specialties had no duration."""

from django.utils.translation import gettext_lazy as _

# The usual normative terms of the federal standards, on the basis of grade 9 for secondary vocational education.
USUAL_LENGTH = {
    "spo": _("usually 1 year 10 months to 3 years 10 months after grade 9 (secondary vocational education)"),
    "vo": _("usually 4 years for a bachelor's degree, 5–6 years for a specialist's degree"),
}


def study_length(profession):
    """The text of the «Length of study» cell. Reads the profession's prefetched specialties."""
    stated = [f"{s.duration} ({s.name})" for s in profession.specialties.all() if s.duration]
    if stated:
        return "; ".join(stated)
    return USUAL_LENGTH.get(profession.education_level, _("not known"))
