"""The teacher's request for an account, and the reviewer's reason for a rejection."""

from django import forms
from django.utils.translation import gettext_lazy as _

from atlas.choices import chosen_district, district_choices
from portal.account_request_pages import PasswordAndConsentForm, described


class TeacherRequestForm(PasswordAndConsentForm):
    name_field = "full_name"
    taken_message = _(
        "A request or an account with this e-mail address exists already. If it is yours, wait for the letter "
        "about the decision or sign in; otherwise give another address."
    )

    full_name = forms.CharField(
        label=_("Surname, first name, patronymic"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    school = forms.CharField(
        label=_("School"),
        max_length=255,
        widget=forms.TextInput(attrs=described("school-hint", autocomplete="organization")),
    )
    district = forms.TypedChoiceField(label=_("Municipal district of the school"), coerce=int)
    position = forms.CharField(
        label=_("Position or subject (optional)"),
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs=described("email-hint", autocomplete="email")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = district_choices()

    def clean_district(self):
        district = chosen_district(self.cleaned_data["district"])
        if district is None:  # removed from the atlas since the form was shown
            raise forms.ValidationError(_("Choose the district in the list."), code="invalid_choice")
        return district


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, for the letter to the teacher"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: the school is not in the krai, or the address is not the teacher's own."),
    )
