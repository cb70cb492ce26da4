"""The public forms of the parents' section: the directory's district filter and the consultation request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.account_request_pages import described
from portal.filter_forms import QueryFilterForm

from .models.centres import ConsultationRequest, Grade, SupportCentre


class DistrictFilterForm(QueryFilterForm):
    """The directory's one filter: a district (the krai's centres are always shown)."""

    district = forms.ChoiceField(label=_("District"), required=False)

    def __init__(self, data, *, districts):
        super().__init__(data)
        self.fields["district"].choices = [("", _("All districts")), *((d.slug, d.name) for d in districts)]
        self.fields["district"].error_messages["invalid_choice"] = _(
            "There is no such district in the directory; all districts are shown."
        )


class CentreChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, centre):
        return centre.shown_name()


class ConsultationRequestForm(forms.ModelForm):
    """What a parent writes to a centre: how to address them, an e-mail or a phone (one is enough), the child's
    grade and the question, and the consent to the processing of these data."""

    centre = CentreChoiceField(
        label=_("Centre"),
        queryset=SupportCentre.objects.none(),
        empty_label=_("Choose a centre"),
        error_messages={
            "required": _("Choose the centre that should answer."),
            "invalid_choice": _("This centre does not take requests through the portal; choose another one."),
        },
    )
    consent = forms.BooleanField(
        label=_("I consent to the processing of these data for the purpose stated above"),
        label_suffix="",
        widget=forms.CheckboxInput(attrs=described("consent-text")),
        error_messages={"required": _("Without your consent the portal cannot pass your question to the centre.")},
    )

    class Meta:
        model = ConsultationRequest
        fields = ["centre", "name", "email", "phone", "grade", "question"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs=described("contact-hint", autocomplete="email")),
            "phone": forms.TextInput(attrs=described("contact-hint", autocomplete="tel", inputmode="tel")),
            "question": forms.Textarea(attrs=described("question-hint", rows=6)),
        }
        error_messages = {
            "name": {"required": _("Write how the specialist should address you.")},
            "email": {"invalid": _("This does not look like an e-mail address, e.g. name@example.ru.")},
            "grade": {
                "required": _("Choose the child's grade: the centre finds the right specialist by it."),
                "invalid_choice": _("Choose the grade from the list."),
            },
            "question": {
                "required": _("Write your question, in a few sentences."),
                "max_length": _("Please keep the question within %(limit_value)d characters (now %(show_value)d)."),
            },
        }

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.fields["grade"].choices = [("", _("Choose the grade")), *Grade.choices]
        self.fields["phone"].error_messages["max_length"] = _("A phone number is at most 40 characters.")

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(ch.isdigit() for ch in phone)
        if phone and not 6 <= digits <= 15:
            raise forms.ValidationError(
                _("A phone number has 6 to 15 digits, e.g. +7 914 000-00-00."), code="invalid_phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("email") or cleaned.get("phone") or self.has_error("email") or self.has_error("phone")
        if not given:
            self.add_error("email", _("Give an e-mail or a phone, so that the centre can answer you."))
        return cleaned
