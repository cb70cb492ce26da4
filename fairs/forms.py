from django import forms
from django.utils.translation import gettext_lazy as _

from .models.visits import Registration


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}


class SlotField(forms.Form):
    """The slot or booking number a button posts: anything but a number is refused with a message."""

    number = forms.IntegerField(
        min_value=1, error_messages={"invalid": _("Choose a time from the list."), "required": _("Choose a time.")}
    )
