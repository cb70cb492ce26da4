"""The report search's form: words and the facets of ``monitoring.facets``."""

from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy

from portal.filter_forms import QueryFilterForm

from .models.observations import PROGRAMME_YEARS


class ReportSearchForm(QueryFilterForm):
    q = forms.CharField(label=gettext_lazy("Words in the report"), required=False, max_length=200)
    year = forms.ChoiceField(label=gettext_lazy("Year"), required=False)
    district = forms.ChoiceField(label=gettext_lazy("District below target"), required=False)
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"), required=False)
    direction = forms.ChoiceField(label=gettext_lazy("Monitoring direction"), required=False)

    def __init__(self, data, *, labels):
        super().__init__(data)
        anything = [("", pgettext_lazy("filter", "Any"))]
        self.fields["year"].choices = [*anything, *((str(y), str(y)) for y in PROGRAMME_YEARS)]
        for facet in ("district", "indicator", "direction"):
            self.fields[facet].choices = [*anything, *labels[facet].items()]
