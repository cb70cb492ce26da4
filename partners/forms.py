"""The request for an organisation account."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
from stdnum.ru import inn as russian_inn

from atlas.models import EducationalOrganization, Employer
from portal import locales
from portal.account_request_pages import PasswordAndConsentForm, described

from .models import Organisation, phone_validator

EMPLOYER, COLLEGE = "employer", "college"
ATLAS_MODELS = {EMPLOYER: Employer, COLLEGE: EducationalOrganization}


def validate_inn(value):
    """An ИНН of 10 digits (a legal entity) or 12 (an individual entrepreneur) with correct check digits: the Federal
    Tax Service's weighted checksum, as python-stdnum's ``stdnum.ru.inn`` computes it. Returns it without spaces."""
    try:
        return russian_inn.validate(value)
    except InvalidLength as error:
        raise forms.ValidationError(
            _("An ИНН has 10 digits (an organisation) or 12 digits (an individual entrepreneur)."), code="length"
        ) from error
    except InvalidChecksum as error:
        raise forms.ValidationError(
            _("The check digits of this ИНН do not match: please compare it with the organisation's documents."),
            code="checksum",
        ) from error
    except ValidationError as error:
        raise forms.ValidationError(_("An ИНН consists of digits only."), code="format") from error


def atlas_choices():
    """The atlas's employers and educational organisations (default-language rows), grouped, as select options."""
    locale = locales.default_locale()
    return [
        ("", _("— not in the list: give the name below —")),
        (
            pgettext_lazy("list heading", "Employers"),
            [
                (f"{EMPLOYER}:{pk}", name)
                for pk, name in Employer.objects.filter(locale=locale).values_list("pk", "name")
            ],
        ),
        (
            _("Colleges and universities"),
            [
                (f"{COLLEGE}:{pk}", name)
                for pk, name in EducationalOrganization.objects.filter(locale=locale).values_list("pk", "name")
            ],
        ),
    ]


class RegistrationForm(PasswordAndConsentForm):
    name_field = "contact_name"
    taken_message = _("An account with this e-mail address exists already. Sign in, or give another address.")
    duplicate_message = _(
        "This organisation already has an account, or a request for one awaits confirmation or approval. "
        "Ask the colleague who registered it to add what you need, or write to the portal's editors."
    )

    organisation = forms.ChoiceField(
        label=_("Organisation in the atlas"),
        required=False,
        widget=forms.Select(attrs=described("organisation-hint")),
    )
    new_name = forms.CharField(
        label=_("Name of the organisation, if it is not in the list"),
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    inn = forms.CharField(
        label=_("ИНН"),
        max_length=20,
        widget=forms.TextInput(attrs=described("inn-hint", inputmode="numeric", autocomplete="off")),
    )
    contact_name = forms.CharField(
        label=_("Contact person: surname, first name, patronymic"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_position = forms.CharField(
        label=_("Position"), max_length=255, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs=described("email-hint", autocomplete="email")),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = atlas_choices()
        self.atlas_organisation = None

    def clean_inn(self):
        return validate_inn(self.cleaned_data["inn"])

    def clean(self):
        cleaned = super().clean()
        choice, new_name = cleaned.get("organisation"), cleaned.get("new_name", "").strip()
        if choice:
            kind, _separator, pk = choice.partition(":")
            self.atlas_organisation = ATLAS_MODELS[kind].objects.filter(pk=pk).first()
            if self.atlas_organisation is None:  # removed from the atlas since the form was shown
                self.add_error("organisation", _("This organisation is no longer in the atlas: write its name below."))
            else:
                cleaned["name"] = self.atlas_organisation.name
        elif new_name:
            cleaned["name"] = new_name
        else:
            self.add_error("new_name", _("Choose the organisation in the list, or write its name."))
        if "inn" in cleaned and "name" in cleaned and self.is_taken(cleaned["inn"]):
            raise forms.ValidationError(self.duplicate_message, code="duplicate")
        return cleaned

    def is_taken(self, inn):
        same = Q(inn=inn)
        if isinstance(self.atlas_organisation, Employer):
            same |= Q(employer=self.atlas_organisation)
        elif isinstance(self.atlas_organisation, EducationalOrganization):
            same |= Q(educational_organization=self.atlas_organisation)
        return Organisation.objects.standing().filter(same).exists()
