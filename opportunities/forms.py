"""The list's filter form: words, the facets of ``opportunities.listing`` and the dates."""

from django import forms
from django.utils.translation import gettext_lazy

from portal.filter_forms import FacetFilterForm

from .listing import FACETS

PERIODS = [("", gettext_lazy("Any dates")), ("week", gettext_lazy("This week")), ("month", gettext_lazy("This month"))]
FACET_LABELS = {
    "activity": gettext_lazy("Kind"),
    "district": gettext_lazy("District"),
    "profession": gettext_lazy("Profession"),
    "sector": gettext_lazy("Sector"),
    "grade": gettext_lazy("Grade"),
    "access": gettext_lazy("Adapted for"),
}


class OpportunityFilterForm(FacetFilterForm):
    facet_titles = {facet: FACET_LABELS[facet] for facet in FACETS}
    period = forms.ChoiceField(label=gettext_lazy("When"), required=False, choices=PERIODS)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", gettext_lazy("The end of the range cannot be before its start."))
        return cleaned
