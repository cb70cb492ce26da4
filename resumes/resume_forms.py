"""The résumé form: the résumé's own fields, the skills suggested by the chosen atlas cards, and a formset each for
education and experience (an empty row after the filled ones; saving adds another)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atlas.models.pages import ProfessionPage
from atlas.models.snippets import EducationalOrganization, MunicipalDistrict, Specialty
from portal import locales
from portal.account_request_pages import described

from .models import DrivingLicence, Resume, ResumeEducation, ResumeExperience

MOST_PROFESSIONS = 5


def choose_original(field, queryset, empty_label=None):
    """Offer the atlas originals of ``queryset`` (default language), each labelled in the visitor's language where a
    translation exists: one query for all the labels, not one per option."""
    field.queryset = queryset.filter(locale=locales.default_locale())
    rows = list(field.queryset)
    names = {row.pk: str(shown) for row, shown in zip(rows, locales.localized(rows), strict=True)}
    field.label_from_instance = lambda obj: names.get(obj.pk, str(obj))
    if empty_label is not None:
        field.empty_label = empty_label
    for code in ("invalid_choice", "invalid_pk_value", "invalid_list"):
        field.error_messages[code] = _("Choose from the list.")


class GuidedForm(forms.ModelForm):
    """A box's label reads as a sentence after it: no colon (the site's other labels keep theirs)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.label_suffix = ""


class ResumeForm(GuidedForm):
    suggested_skills = forms.MultipleChoiceField(
        label=_("Skills from the atlas cards you chose"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Resume
        fields = [
            "professions",
            "position",
            "district",
            "ready_to_move",
            "about",
            "skills",
            "languages",
            "driving_licences",
            "support_needs",
            "support_needs_shown",
            "phone",
            "contact_email",
            "contacts_shown",
            "visible",
        ]
        widgets = {
            "professions": forms.CheckboxSelectMultiple,
            "position": forms.TextInput(attrs=described("position-hint")),
            "about": forms.Textarea(attrs={**described("about-hint"), "rows": 5}),
            "skills": forms.Textarea(attrs={**described("skills-hint"), "rows": 6}),
            "languages": forms.TextInput(attrs=described("languages-hint")),
            "support_needs": forms.Textarea(attrs={**described("support-hint"), "rows": 3}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    driving_licences = forms.MultipleChoiceField(
        label=_("Driving licence categories"),
        choices=DrivingLicence.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose categories from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choose_original(self.fields["professions"], ProfessionPage.objects.live().order_by("title"))
        choose_original(
            self.fields["district"], MunicipalDistrict.objects.order_by("name"), _("— choose the district —")
        )
        self.fields["suggested_skills"].choices = [(skill, skill) for skill in self.suggestions()]

    def suggestions(self):
        """The skills of the résumé's atlas cards (as saved) that the skills field does not list yet."""
        if not self.instance.pk:
            return []
        have = {line.casefold() for line in self.instance.skills_list}
        found = []
        for card in locales.localized(list(self.instance.professions.all())):
            for skill in [*card.hard_skills_list, *card.soft_skills_list]:
                if skill.casefold() not in have:
                    have.add(skill.casefold())
                    found.append(skill)
        return found

    def clean_professions(self):
        chosen = self.cleaned_data["professions"]
        if len(chosen) > MOST_PROFESSIONS:
            raise forms.ValidationError(
                _("Choose at most %(count)s professions: an employer reads a résumé with a clear aim.")
                % {"count": MOST_PROFESSIONS}
            )
        return chosen

    def clean(self):
        data = super().clean()
        if data.get("support_needs_shown") and not (data.get("support_needs") or "").strip():
            self.add_error("support_needs", _("Write what support you need, or untick «show employers»."))
        if data.get("visible") and not (data.get("phone") or data.get("contact_email")):
            self.add_error(
                "phone", _("Give a phone or an e-mail: an employer who invites you needs a way to reach you.")
            )
        return data

    def save(self, commit=True):
        resume = super().save(commit=False)
        added = self.cleaned_data.get("suggested_skills") or []
        if added:
            resume.skills = "\n".join([*resume.skills_list, *added])
        if commit:
            resume.save()
            self.save_m2m()
        return resume


class EducationForm(GuidedForm):
    class Meta:
        model = ResumeEducation
        fields = ["organisation", "organisation_name", "specialty", "specialty_name", "graduation_year"]
        # A text field, not type="number": a number field takes «20x6» as empty, and its arrows change the year.
        widgets = {"graduation_year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        not_listed = _("— choose —")
        choose_original(self.fields["organisation"], EducationalOrganization.objects.order_by("name"), not_listed)
        choose_original(self.fields["specialty"], Specialty.objects.order_by("name"), not_listed)
        self.fields["graduation_year"].error_messages.update(
            invalid=_("Write the year in four digits, e.g. 2026."),
            min_value=_("Write the year in four digits, e.g. 2026."),
            max_value=_("Write the year in four digits, e.g. 2026."),
        )

    def clean(self):
        data = super().clean()
        if not (data.get("organisation") or data.get("organisation_name", "").strip()):
            self.add_error("organisation", _("Choose the college or university, or write its name below."))
        if not (data.get("specialty") or data.get("specialty_name", "").strip()):
            self.add_error("specialty", _("Choose the specialty, or write it below."))
        year = data.get("graduation_year")
        if year and year > timezone.localdate().year + 6:
            self.add_error("graduation_year", _("Check the year: studies end sooner than that."))
        return data


class ExperienceForm(GuidedForm):
    class Meta:
        model = ResumeExperience
        fields = ["kind", "title", "place", "period", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("— choose —")), *self.fields["kind"].choices[1:]]
        self.fields["kind"].error_messages["invalid_choice"] = _("Choose one of the answers in the list.")


class RowsFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row when saving")
            form.fields["DELETE"].label_suffix = ""


def formset(form, model, *, most):
    return forms.inlineformset_factory(
        Resume, model, form=form, formset=RowsFormSet, extra=1, max_num=most, validate_max=True, can_delete=True
    )


EducationFormSet = formset(EducationForm, ResumeEducation, most=5)
ExperienceFormSet = formset(ExperienceForm, ResumeExperience, most=15)
