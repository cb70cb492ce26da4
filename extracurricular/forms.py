"""The catalogue's filter form: words and the facets of ``extracurricular.listing``."""

from django.utils.translation import gettext_lazy

from portal.filter_forms import FacetFilterForm

from .listing import FACETS

FACET_LABELS = {
    "district": gettext_lazy("District"),
    "age": gettext_lazy("Child's age"),
    "direction": gettext_lazy("Direction"),
    "cost": gettext_lazy("Cost"),
}


class ProgrammeFilterForm(FacetFilterForm):
    facet_titles = {facet: FACET_LABELS[facet] for facet in FACETS}
