"""What a survey may ask: choices, scales, numbers and free text — nothing that names a person (no e-mail, no date,
no hidden field). The form builder adds the scale to Wagtail's own kinds."""

import django.forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

SCALE = range(1, 6)
QUESTION_KINDS = [
    ("radio", _("one answer of several")),
    ("checkboxes", _("several answers")),
    ("dropdown", _("one answer from a list")),
    ("scale", _("a scale from 1 to 5")),
    ("number", _("a number")),
    ("multiline", _("free text")),
]
# The kinds whose answers are counted on the results page.
CHOICE_KINDS = {"radio", "checkboxes", "dropdown", "scale"}
# The signed cookie that says a browser has answered: salted so that no other signed value of the site passes for it.
COOKIE_SALT = "surveys.answered"


class SurveyFormBuilder(FormBuilder):
    def create_scale_field(self, field, options):
        """1 to 5 as radio buttons; the two ends say what they mean."""
        options["choices"] = scale_choices()
        options.setdefault("widget", django.forms.RadioSelect)
        return django.forms.ChoiceField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 2000
        return super().create_multiline_field(field, options)


def scale_choices():
    ends = {1: _("1 — not at all"), 5: _("5 — fully")}
    return [(str(n), ends.get(n, str(n))) for n in SCALE]


def options_of(question):
    """[(stored value, label)] of a question with choices, in the order offered."""
    if question.field_type == "scale":
        return scale_choices()
    return SurveyFormBuilder([]).get_formatted_field_choices(question)
