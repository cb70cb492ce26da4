"""The base of the listings' filter forms. Apart from ``portal.forms`` (the image form), which imports Wagtail's
admin forms: those cannot load while the models do, and the pages that filter import this module at load time."""

from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy


class QueryFilterForm(forms.Form):
    """A form over a listing's query string: every filter state has its own URL and works without
    JavaScript; a value that fails validation is reported beside its field and left out, the rest apply."""

    def valid_values(self):
        """The values that passed validation; a field with an error counts as not set."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if name not in self.errors and value not in (None, "", False)
        }

    @property
    def is_active(self):
        """Whether the query string sets any of the form's fields (valid or not): a folded filter panel opens then."""
        return self.is_bound and any(value.strip() for name in self.fields for value in self.data.getlist(name, []))


class FacetFilterForm(QueryFilterForm):
    """Words and a choice for each facet of a faceted list: ``facet_titles`` names the facets in order, ``labels`` (the
    list's facet value → label, in the visitor's language) gives each its choices, after «Any»."""

    facet_titles = {}
    q = forms.CharField(label=gettext_lazy("Words"), required=False, max_length=200)

    def __init__(self, data, *, labels):
        super().__init__(data)
        anything = [("", pgettext_lazy("filter", "Any"))]
        for facet, title in self.facet_titles.items():
            self.fields[facet] = forms.ChoiceField(
                label=title,
                required=False,
                choices=[*anything, *((value, str(label)) for value, label in labels[facet].items())],
            )
