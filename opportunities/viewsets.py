"""Opportunities in the admin: an organisation's people list, add and edit their own organisation's only; editors see
and edit every organisation's (the one policy of ``partners.permissions``)."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from partners.permissions import PolicyInstancesMixin, organisation_of

from .models import Opportunity


class OpportunityForm(WagtailAdminModelForm):
    """The organisation is chosen by editors; an organisation's people have no such field (theirs is set)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and organisation_of(for_user) is not None:
            del self.fields["organisation"]

    def clean(self):
        """A slot classes have booked stays (its bookings and their attendance are kept on it): deleting it in the
        form is refused with a message, not left to the database's PROTECT to fail with a 500."""
        cleaned = super().clean()
        slots = self.formsets.get("slots")
        if slots is not None:
            for form in slots.forms:
                slot = form.instance
                if slot.pk and is_deleted(form) and slot.bookings.exists():
                    self.add_error(
                        None,
                        _(
                            "The slot of %(slot)s has bookings: it stays, with them and their attendance. To take no "
                            "more bookings on it, set its places to the number booked; decline in «Bookings» the "
                            "bookings you cannot host."
                        )
                        % {"slot": slot},
                    )
        return cleaned


def is_deleted(form):
    """Whether an inline form is marked for deletion, read from its data (the parent form is cleaned before its
    formsets)."""
    field = form.fields.get(DELETION_FIELD_NAME)
    return field is not None and bool(field.to_python(form[DELETION_FIELD_NAME].data))


class OwnOrganisationOnCreate:
    """A new opportunity of an organisation's person belongs to their organisation (they do not see the field)."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        organisation = organisation_of(self.request.user)
        if organisation is not None:
            instance.organisation = organisation
        return instance


def narrowed(view_class, *mixins):
    return type(f"Policy{view_class.__name__}", (*mixins, PolicyInstancesMixin, view_class), {})


class OrganisationItemsViewSet(ModelViewSet):
    """The admin of what organisations publish (opportunities, vacancies): an organisation's people list, add, edit
    and delete their own only (the model's permission policy); editors every one."""

    add_to_admin_menu = True
    index_view_class = narrowed(generic.IndexView)
    edit_view_class = narrowed(generic.EditView)
    delete_view_class = narrowed(generic.DeleteView)
    add_view_class = narrowed(generic.CreateView, OwnOrganisationOnCreate)
    inspect_view_enabled = False
    copy_view_enabled = False


class OpportunityViewSet(OrganisationItemsViewSet):
    model = Opportunity
    name = "opportunities"
    url_prefix = "opportunities"
    menu_name = "opportunities"
    icon = "date"
    menu_label = _("Opportunities")
    menu_order = 110
    edit_handler = ObjectList(Opportunity.panels, base_form_class=OpportunityForm)
    list_display = ["title", "kind", "organisation", "district", "listed_until", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title"]
