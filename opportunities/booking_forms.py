"""The teacher's booking form on an opportunity's page, and the organisation's answer and attendance forms in the
admin. What a form cannot know (the places left at the moment of writing) opportunities.bookings checks."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from atlas.choices import chosen_district, district_choices
from partners.models import phone_validator
from portal.disabilities import DISABILITY_CATEGORIES

from .models.opportunities import GRADES

MAX_CLASS = 200  # more than any class or group of classes that comes at once


def school_of(user):
    """The school and district the teacher gave when asking for the account (teachers.TeacherRequest, reached by its
    reverse accessor so that bookings need not know the teachers' app), to start the form with."""
    request = getattr(user, "teacher_request", None)
    if request is None:
        return {}
    return {"school": request.school, "district": request.district_id}


class BookingForm(forms.Form):
    """A class's booking: the slot, the class, how many students and how many with disabilities, what they need, and
    how the organisation reaches the teacher. No student's name: a class is counted, not listed."""

    slot = forms.TypedChoiceField(
        label=_("Date and time"), coerce=int, error_messages={"invalid_choice": _("Choose one of the dates offered.")}
    )
    school = forms.CharField(label=_("School"), max_length=255)
    district = forms.TypedChoiceField(
        label=_("Municipal district of the school"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose the district in the list.")},
    )
    grade = forms.TypedChoiceField(
        label=_("Grade"), coerce=int, error_messages={"invalid_choice": _("Choose one of the grades offered.")}
    )
    students = forms.IntegerField(
        label=_("Number of students"),
        min_value=1,
        max_value=MAX_CLASS,
        error_messages={
            "min_value": _("A class has at least one student."),
            "max_value": _("No more than %(limit_value)s students in one booking."),
            "invalid": _("Write the number of students in digits."),
        },
    )
    students_with_disabilities = forms.IntegerField(
        label=_("Of them, students with disabilities"),
        min_value=0,
        max_value=MAX_CLASS,
        initial=0,
        error_messages={
            "min_value": _("This number cannot be negative: write 0 if there are none."),
            "max_value": _("No more than %(limit_value)s students in one booking."),
            "invalid": _("Write the number in digits; 0 if there are none."),
        },
    )
    adaptations = forms.MultipleChoiceField(
        label=_("Adaptations needed for"),
        required=False,
        choices=DISABILITY_CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose the categories from the list.")},
    )
    adaptations_note = forms.CharField(
        label=_("What the students need"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "aria-describedby": "adaptations-hint"}),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=255)
    contact_phone = forms.CharField(label=_("Phone"), max_length=40, validators=[phone_validator])
    contact_email = forms.EmailField(label=_("E-mail"))

    def __init__(self, data=None, *, opportunity, user, **kwargs):
        initial = {"contact_name": user.get_full_name(), "contact_email": user.email, **school_of(user)}
        super().__init__(data, initial=initial, **kwargs)
        self.fields["district"].choices = district_choices()
        self.opportunity = opportunity
        slots = [slot for slot in opportunity.future_slots() if slot.places_left > 0]
        self.fields["slot"].choices = [("", _("Choose a date"))] + [
            (
                slot.pk,
                ngettext("%(slot)s — %(left)d place left", "%(slot)s — %(left)d places left", slot.places_left)
                % {"slot": slot, "left": slot.places_left},
            )
            for slot in slots
        ]
        first, last = opportunity.grade_from or GRADES[0], opportunity.grade_to or GRADES[-1]
        self.fields["grade"].choices = [("", _("Choose the grade"))] + [(g, str(g)) for g in range(first, last + 1)]

    @property
    def has_slots(self):
        return len(self.fields["slot"].choices) > 1

    def clean_district(self):
        district = chosen_district(self.cleaned_data["district"])
        if district is None:
            raise forms.ValidationError(_("Choose the district in the list."), code="invalid_choice")
        return district

    def clean(self):
        cleaned = super().clean()
        students, disabled = cleaned.get("students"), cleaned.get("students_with_disabilities")
        if students is not None and disabled is not None and disabled > students:
            self.add_error(
                "students_with_disabilities",
                _("More students with disabilities than students in the class: check both numbers."),
            )
        return cleaned

    def booking_fields(self):
        """The cleaned values a Booking takes (all but the slot)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "slot"}


class DecisionForm(forms.Form):
    """The organisation's answer to a booking, with a message for the teacher."""

    message = forms.CharField(
        label=_("Message to the teacher"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: what to bring, where to meet, or why you decline."),
    )


class AttendanceForm(forms.Form):
    """After the date: how many of the booked students came (no more than booked)."""

    attended = forms.IntegerField(
        label=_("Students who came"),
        min_value=0,
        error_messages={"min_value": _("This number cannot be negative: write 0 if nobody came.")},
    )

    def __init__(self, *args, booking, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attended"]
        field.widget.attrs["max"] = booking.students
        field.validators.append(
            MaxValueValidator(booking.students, _("No more than the %(limit_value)s students booked can have come."))
        )
