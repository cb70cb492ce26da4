"""Vacancies in the admin: an organisation's people list, add and edit their own organisation's only; editors see and
edit every one (those imported from «Работа России» too: their texts are the federal service's, overwritten by the
next import)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList

from opportunities.viewsets import OpportunityForm, OrganisationItemsViewSet
from portal.disabilities import DISABILITY_CATEGORIES

from .models import Vacancy


class VacancyForm(OpportunityForm):
    """The organisation is the editors' field (as for opportunities); the disability categories are ticked."""

    suitable_for = forms.MultipleChoiceField(
        label=_("Suitable for"),
        choices=DISABILITY_CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Disability categories the workplace and the work suit."),
    )


class VacancyViewSet(OrganisationItemsViewSet):
    model = Vacancy
    name = "vacancies"
    url_prefix = "vacancies"
    menu_name = "vacancies"
    icon = "user"
    menu_label = _("Vacancies")
    menu_order = 120
    edit_handler = ObjectList(Vacancy.panels, base_form_class=VacancyForm)
    list_display = ["title", "kind", "employer_name", "valid_until", "source", "published"]
    list_filter = ["kind", "source", "published"]
    search_fields = ["title", "employer_name"]
