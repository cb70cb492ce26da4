"""The list's filter form: words and the facets of ``vacancies.listing``."""

from django import forms
from django.utils.translation import gettext_lazy

from portal.filter_forms import QueryFilterForm

from .listing import FACETS

FACET_LABELS = {
    "type": gettext_lazy("Kind"),
    "district": gettext_lazy("District"),
    "profession": gettext_lazy("Profession"),
    "sector": gettext_lazy("Sector"),
    "salary": gettext_lazy("Salary"),
    "access": gettext_lazy("Suitable for"),
}


class VacancyFilterForm(QueryFilterForm):
    q = forms.CharField(label=gettext_lazy("Words"), required=False, max_length=200)

    def __init__(self, data, *, labels):
        super().__init__(data)
        anything = [("", gettext_lazy("Any"))]
        for facet in FACETS:
            self.fields[facet] = forms.ChoiceField(
                label=FACET_LABELS[facet],
                required=False,
                choices=[*anything, *((value, str(label)) for value, label in labels[facet].items())],
            )
