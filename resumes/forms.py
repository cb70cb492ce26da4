"""The student's registration form: who, date of birth (from 16), e-mail, password, and the consent with its text."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.account_request_pages import PasswordAndConsentForm, described

from .models import Occupation


def age_on(birth_date, day):
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class StudentAccountForm(PasswordAndConsentForm):
    name_field = "full_name"
    taken_message = _(
        "An account with this e-mail address exists already. If it is yours, sign in (or restore the password from "
        "the sign-in page); otherwise give another address."
    )

    full_name = forms.CharField(
        label=_("Surname, first name, patronymic"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        # A text field, not type="date": the browser's date picker orders day and month by its own language, and a
        # memorable date is quicker typed than picked (GOV.UK's pattern, for the same reasons).
        widget=forms.DateInput(
            attrs=described("birth-hint", autocomplete="bday", inputmode="numeric"), format="%d.%m.%Y"
        ),
        error_messages={"invalid": _("Write the date as day.month.year, e.g. 05.03.2007.")},
    )
    occupation = forms.ChoiceField(
        label=_("Who you are"),
        choices=[("", _("— choose —")), *Occupation.choices],
        error_messages={"invalid_choice": _("Choose one of the answers in the list.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs=described("email-hint", autocomplete="email")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].input_formats = ["%d.%m.%Y", "%Y-%m-%d"]
        self.fields["consent"].label = _("I consent to the processing of my personal data on the terms above")

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born > today or born < datetime.date(today.year - 100, 1, 1):
            raise forms.ValidationError(_("Check the date of birth: it cannot be so."), code="impossible")
        if age_on(born, today) < settings.STUDENT_MINIMUM_AGE:
            raise forms.ValidationError(
                _(
                    "The résumé base is for people of %(age)s and older. Until then, ask your college's career centre "
                    "or your tutor to help you with a résumé."
                )
                % {"age": settings.STUDENT_MINIMUM_AGE},
                code="too_young",
            )
        return born
