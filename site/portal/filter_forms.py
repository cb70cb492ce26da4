"""The base of the listings' filter forms. Apart from ``portal.forms`` (the image form), which imports Wagtail's
admin forms: those cannot load while the models do, and the pages that filter import this module at load time."""

from django import forms


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
