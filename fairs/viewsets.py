"""Booths in the admin. Editors invite an organisation to a fair by adding its booth (a letter goes to it); the
organisation's people see their own booths only, accept or decline, and fill them in; after the fair editors record
the results. Organisations neither add nor delete booths (their group has no such permission)."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from opportunities.viewsets import OrganisationItemsViewSet, is_deleted, narrowed
from partners.permissions import organisation_of
from portal.addresses import public_url
from portal.mail import queue_letter
from vacancies.models import Vacancy

from .models.booths import Booth
from .models.visits import SlotBooking

RESULTS_PERMISSION = "fairs.record_results"


class BoothForm(WagtailAdminModelForm):
    """The fair and the organisation are the editors' to choose, once; an organisation's people see neither. The
    vacancies offered are the booth's organisation's own."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if self.instance.pk or (for_user is not None and organisation_of(for_user) is not None):
            for name in ("fair", "organisation"):
                self.fields.pop(name, None)
        if "vacancies" in self.fields:
            owner = self.instance.organisation_id if self.instance.pk else None
            self.fields["vacancies"].queryset = Vacancy.objects.filter(organisation_id=owner).order_by("title")

    def clean(self):
        """A slot visitors have booked stays (deleting it in the form is refused with a message, as opportunities'
        slots are)."""
        cleaned = super().clean()
        slots = self.formsets.get("slots")
        for form in slots.forms if slots is not None else []:
            slot = form.instance
            if slot.pk and is_deleted(form) and slot.bookings.filter(cancelled_at__isnull=True).exists():
                self.add_error(
                    None,
                    _("Visitors have booked the interview at %(slot)s: it stays. Write to them before changing it.")
                    % {"slot": slot},
                )
        return cleaned

    def is_valid(self):
        """Each slot falls on one of the fair's days: checked once the form and its slots are cleaned (the parent's
        ``clean`` runs before the formsets')."""
        if not super().is_valid():
            return False
        fair = self.cleaned_data.get("fair") or self.instance.fair
        slots = self.formsets.get("slots")
        valid = True
        for form in slots.forms if slots is not None else []:
            starts_at = form.cleaned_data.get("starts_at")
            if starts_at is None or form.cleaned_data.get("DELETE"):
                continue
            if not fair.starts_on <= timezone.localtime(starts_at).date() <= fair.ends_on:
                form.add_error(
                    "starts_at",
                    _("The fair is held from %(first)s to %(last)s: choose a time on those days.")
                    % {"first": f"{fair.starts_on:%d.%m.%Y}", "last": f"{fair.ends_on:%d.%m.%Y}"},
                )
                valid = False
        return valid


class VisitorsPanel(Panel):
    """Who booked the booth's interviews, with what they need: the organisation prepares for them (the consent's
    text names the employers whose interviews a visitor books among those who see this)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "fairs/admin/visitors_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["bookings"] = (
                SlotBooking.objects.filter(slot__booth=self.instance, cancelled_at__isnull=True)
                .select_related("slot", "registration__student")
                .order_by("slot__starts_at")
                if self.instance.pk
                else []
            )
            return context


panels = [
    FieldPanel("fair"),
    FieldPanel("organisation"),
    FieldPanel("status"),
    FieldPanel("text"),
    FieldPanel("contact_hours"),
    FieldPanel("vacancies", widget=forms.CheckboxSelectMultiple),
    FieldPanel("video"),
    InlinePanel("slots", heading=_("Interview slots"), label=_("interview slot")),
    VisitorsPanel(heading=_("Visitors who booked")),
    MultiFieldPanel(
        [
            FieldPanel("interviews", permission=RESULTS_PERMISSION),
            FieldPanel("offers", permission=RESULTS_PERMISSION),
            FieldPanel("hires", permission=RESULTS_PERMISSION),
        ],
        heading=_("Results after the fair"),
        permission=RESULTS_PERMISSION,
    ),
]


class InvitingCreateView(generic.CreateView):
    """Adding a booth invites its organisation: the letter is queued in the same transaction as the booth (the queue
    is a table of the same database), so it leaves only if the booth is written."""

    def save_instance(self):
        booth = super().save_instance()
        invite(booth)
        return booth


def invite(booth):
    organisation = booth.organisation
    queue_letter(
        "fairs/mail/invited.txt",
        {"booth": booth, "fair": booth.fair, "link": public_url(reverse("booths:edit", args=[booth.pk]))},
        organisation.email,
        organisation.language,
    )


class BoothViewSet(OrganisationItemsViewSet):
    model = Booth
    name = "booths"
    url_prefix = "fairs/booths"
    menu_name = "booths"
    icon = "group"
    menu_label = _("Booths at fairs")
    menu_order = 130
    add_view_class = narrowed(InvitingCreateView)
    edit_handler = ObjectList(panels, base_form_class=BoothForm)
    list_display = [
        Column("organisation", label=_("organisation"), accessor="organisation"),
        "fair",
        "status",
        "interviews",
        "offers",
        "hires",
    ]
    list_filter = ["status"]
    search_fields = ["organisation__name"]
