"""The employers' search of résumés: filters with the number of résumés behind each choice, on the database alone —
résumés never reach the search index. A page of results costs the same few queries however many résumés there are."""

from django import forms
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from atlas.models.pages import ProfessionPage
from atlas.models.snippets import MunicipalDistrict, Specialty

from .models import Resume, ResumeEducation
from .resume_forms import choose_original

PER_PAGE = 20


class ResumeFilterForm(forms.Form):
    profession = forms.ModelChoiceField(label=_("Profession"), queryset=ProfessionPage.objects.none(), required=False)
    specialty = forms.ModelChoiceField(label=_("Specialty studied"), queryset=Specialty.objects.none(), required=False)
    district = forms.ModelChoiceField(label=_("District"), queryset=MunicipalDistrict.objects.none(), required=False)
    movers = forms.BooleanField(label=_("Include those ready to move to the district"), required=False)
    year = forms.TypedChoiceField(label=_("Year of graduation"), coerce=int, required=False, empty_value=None)
    support = forms.BooleanField(label=_("Only those who said what support at work they need"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = _("— any —")
        choose_original(self.fields["profession"], ProfessionPage.objects.live().order_by("title"), anything)
        choose_original(self.fields["specialty"], Specialty.objects.order_by("name"), anything)
        choose_original(self.fields["district"], MunicipalDistrict.objects.order_by("name"), anything)
        years = (  # of the résumés employers may see only: a hidden one tells nothing, not even its year
            ResumeEducation.objects.filter(resume__in=Resume.objects.shown())
            .order_by("-graduation_year")
            .values_list("graduation_year", flat=True)
        )
        self.fields["year"].choices = [("", anything), *((year, year) for year in years.distinct())]
        self.fields["year"].error_messages["invalid_choice"] = _("Choose from the list.")


def filtered(data, leave_out=None):
    """The shown résumés matching the valid filters of ``data`` (cleaned), but the filter ``leave_out``."""
    resumes = Resume.objects.shown()
    if data.get("profession") and leave_out != "profession":
        resumes = resumes.filter(professions=data["profession"])
    # The specialty and the year of the same place of study, in one filter() so that they join one row.
    studied = {"education__specialty": data.get("specialty"), "education__graduation_year": data.get("year")}
    if studied := {lookup: value for lookup, value in studied.items() if value}:
        resumes = resumes.filter(**studied)
    if data.get("district") and leave_out != "district":
        place = Q(district=data["district"])
        resumes = resumes.filter(place | Q(ready_to_move=True) if data.get("movers") else place)
    if data.get("support"):
        resumes = resumes.filter(support_needs_shown=True)
    return resumes


def search(form):
    """The résumés and, for the profession and district filters, how many résumés each choice would show (counted
    with the other filters applied). Filters the form refused are left out; the form says why."""
    form.is_valid()
    data = form.cleaned_data  # the fields that were valid only
    matching = Resume.objects.filter(pk__in=filtered(data).values("pk"))
    resumes = matching.select_related("district").prefetch_related(
        Prefetch("professions", queryset=ProfessionPage.objects.order_by("title")),
        Prefetch("education", queryset=ResumeEducation.objects.select_related("organisation", "specialty")),
    )
    counts = {
        name: dict(
            Resume.objects.filter(pk__in=filtered(data, leave_out=name).values("pk"))
            .values_list(field)
            .annotate(n=Count("pk", distinct=True))
            .values_list(field, "n")
        )
        for name, field in (("profession", "professions"), ("district", "district"))
    }
    return resumes.order_by("-updated_at", "-pk"), counts


def label_with_counts(form, counts):
    """Each profession and district choice labelled with the number of résumés behind it."""
    for name, numbers in counts.items():
        field = form.fields[name]
        label = field.label_from_instance
        field.label_from_instance = lambda obj, label=label, numbers=numbers: f"{label(obj)} ({numbers.get(obj.pk, 0)})"
