from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class PortalImageForm(BaseImageForm):
    """Refuses an image that has neither alt text nor the «decorative» mark."""

    def clean(self):
        cleaned = super().clean()
        if (
            "description" in self.fields
            and not cleaned.get("is_decorative")
            and not (cleaned.get("description") or "").strip()
        ):
            self.add_error(
                "description",
                forms.ValidationError(
                    _(
                        "Write a text alternative (alt text) that says what the image shows, "
                        "or mark the image as decorative."
                    ),
                    code="alt_text_required",
                ),
            )
        return cleaned


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
