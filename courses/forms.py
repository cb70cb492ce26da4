"""The catalogue's filter: who the course is for and its form of study."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.filter_forms import QueryFilterForm

from .models.courses import AUDIENCES, CourseFormat


class CourseFilterForm(QueryFilterForm):
    """A value that is not in the lists is named beside its field and left out; the others apply."""

    audience = forms.ChoiceField(
        label=_("For whom"),
        required=False,
        choices=[("", _("Everyone")), *((value, label) for value, _field, label in AUDIENCES)],
        error_messages={
            "invalid_choice": _("There is no such group in the catalogue; courses for everyone are shown.")
        },
    )
    format = forms.ChoiceField(
        label=_("Form of study"),
        required=False,
        choices=[("", _("Any form")), *CourseFormat.choices],
        error_messages={"invalid_choice": _("There is no such form of study; courses of every form are shown.")},
    )

    def filter(self, courses):
        """``courses`` narrowed by the valid values."""
        values = self.valid_values()
        if audience := values.get("audience"):
            field = next(field for value, field, _label in AUDIENCES if value == audience)
            courses = courses.filter(**{field: True})
        if course_format := values.get("format"):
            courses = courses.filter(format=course_format)
        return courses
