"""The atlas's filters: one Django form validates the query string, so every filter state has its own URL,
works without JavaScript, and a bad value is reported and ignored instead of breaking the page."""

from django import forms
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.disabilities import DISABILITY_CATEGORIES
from portal.filter_forms import QueryFilterForm

from .models.pages import DEMAND_LEVELS, KLIMOV_TYPES
from .models.snippets import LEVELS

MAX_SALARY = 1_000_000
SORTS = [("name", _("by name")), ("salary", _("by salary, highest first")), ("demand", _("by demand"))]


class AtlasFilterForm(QueryFilterForm):
    q = forms.CharField(label=_("Profession name contains"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    level = forms.ChoiceField(
        label=_("Education level"), required=False, choices=[("", pgettext_lazy("filter", "Any")), *LEVELS]
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    klimov = forms.ChoiceField(
        label=_("Interest type"), required=False, choices=[("", pgettext_lazy("filter", "Any")), *KLIMOV_TYPES]
    )
    salary_from = forms.IntegerField(
        label=_("Salary from, ₽ a month"), required=False, min_value=0, max_value=MAX_SALARY
    )
    demand = forms.ChoiceField(
        label=_("Demand"), required=False, choices=[("", pgettext_lazy("filter", "Any")), *DEMAND_LEVELS]
    )
    disability = forms.ChoiceField(
        label=_("Suitable for"), required=False, choices=[("", _("Anyone")), *DISABILITY_CATEGORIES]
    )
    future = forms.BooleanField(label=_("Professions of the future only"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORTS)

    def __init__(self, data, *, sectors, districts):
        super().__init__(data)
        self.fields["sector"].choices = [("", pgettext_lazy("filter", "Any")), *((s.slug, s.name) for s in sectors)]
        self.fields["district"].choices = [("", pgettext_lazy("filter", "Any")), *((d.slug, d.name) for d in districts)]

    def apply(self, professions):
        values = self.valid_values()
        if "q" in values:
            professions = professions.filter(title__icontains=values["q"])
        if "sector" in values:
            professions = professions.filter(sector__slug=values["sector"])
        if "level" in values:
            professions = professions.filter(education_level=values["level"])
        if "district" in values:
            professions = professions.filter(districts__slug=values["district"])
        if "klimov" in values:
            professions = professions.filter(klimov_type=values["klimov"])
        if "salary_from" in values:
            # The upper bound counts: a range of 40–70 thousand suits someone hoping for 60.
            wanted = values["salary_from"]
            professions = professions.filter(
                Q(salary_max__gte=wanted) | Q(salary_max__isnull=True, salary_min__gte=wanted)
            )
        if "demand" in values:
            professions = professions.filter(demand_level=values["demand"])
        if "disability" in values:
            professions = professions.filter(
                suitability__category=values["disability"], suitability__degree__in=["suitable", "limited"]
            )
        if values.get("future"):
            professions = professions.filter(is_future_profession=True)
        # Demand is ranked, not sorted by its code («high» < «low» < «medium» alphabetically).
        demand_rank = Case(
            When(demand_level="high", then=Value(0)),
            When(demand_level="medium", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        ordering = {
            "salary": [F("salary_max").desc(nulls_last=True), "title"],
            "demand": [demand_rank, "title"],
        }.get(values.get("sort"), ["title"])
        return professions.distinct().order_by(*ordering)
