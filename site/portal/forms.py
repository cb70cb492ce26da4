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
