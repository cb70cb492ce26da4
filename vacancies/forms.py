"""The list's filter form: words and the facets of ``vacancies.listing``."""

from django.utils.translation import gettext_lazy

from portal.filter_forms import FacetFilterForm

from .listing import FACETS

FACET_LABELS = {
    "type": gettext_lazy("Kind"),
    "district": gettext_lazy("District"),
    "profession": gettext_lazy("Profession"),
    "sector": gettext_lazy("Sector"),
    "salary": gettext_lazy("Salary"),
    "access": gettext_lazy("Suitable for"),
}


class VacancyFilterForm(FacetFilterForm):
    facet_titles = {facet: FACET_LABELS[facet] for facet in FACETS}
