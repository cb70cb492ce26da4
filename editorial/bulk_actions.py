"""Bulk actions on profession cards, from the admin's page listing (Wagtail's page bulk actions): change the sector
or the demand level of the selected cards at once.

Each changed card gets a NEW REVISION made from its latest revision (a draft another editor left is kept, not
overwritten with the live page), so its history, moderation and publishing work as for a change made in its form.
The revision is published only when all of these hold: the card is live, it had no unpublished changes and no
moderation in progress before (otherwise publishing would also publish somebody else's draft, or jump the queue),
and the user may publish it. Otherwise the change stays a draft revision, and the message says how many did:
an editor without the publish right submits them for moderation from each card, or a moderator publishes them
(Wagtail's own bulk «Publish» publishes the latest revisions).

Refused, and listed as such on the confirmation screen: pages that are not profession cards, cards the user may not
edit, cards locked by someone else, and (for the sector) cards of a language the sector has no translation into."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from atlas.models import ProfessionPage, Sector
from atlas.models.pages import DEMAND_LEVELS


class SectorForm(forms.Form):
    sector = forms.ModelChoiceField(
        queryset=Sector.objects.in_default_locale().order_by("name"),
        label=_("New sector"),
        empty_label=None,
    )


class DemandForm(forms.Form):
    demand_level = forms.ChoiceField(choices=DEMAND_LEVELS, label=_("New demand level"))


class CardBulkAction(PageBulkAction):
    """Shared by both actions: which pages are refused and why, and how a card's change becomes a revision."""

    template_name = "editorial/bulk_change.html"
    field = None  # the card's field the action sets

    def check_perm(self, page):
        if page.specific_class is not ProfessionPage:
            return False
        permissions = page.permissions_for_user(self.request.user)
        return permissions.can_edit() and not permissions.page_locked()

    def get_actionable_objects(self):
        objects, refused = super().get_actionable_objects()
        not_cards = [page for page in refused["items_with_no_access"] if page.specific_class is not ProfessionPage]
        refused["items_with_no_access"] = [page for page in refused["items_with_no_access"] if page not in not_cards]
        refused["not_cards"] = not_cards
        return objects, refused

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "value": self.cleaned_form.cleaned_data[self.field]}

    @classmethod
    def value_for(cls, card, value):
        """The value to set on ``card`` (None: the card cannot take it)."""
        return value

    @classmethod
    def execute_action(cls, objects, value=None, user=None, **kwargs):
        """Returns (cards changed, of them left as drafts). A card that already has the value, or cannot take it,
        is left as it was."""
        changed = drafts = 0
        for page in objects:
            page = page.specific
            card = page.get_latest_revision_as_object()
            new_value = cls.value_for(card, value)
            if new_value is None:
                continue
            if getattr(card, cls.field) == new_value:
                continue
            publish = (
                page.live
                and not page.has_unpublished_changes
                and not page.workflow_in_progress
                and user is not None
                and page.permissions_for_user(user).can_publish()
            )
            setattr(card, cls.field, new_value)
            try:
                revision = card.save_revision(user=user, log_action=True)
            except ValidationError:
                continue  # a card its own form would refuse stays as it was; it is not counted
            if publish:
                revision.publish(user=user)
            else:
                drafts += 1
            changed += 1
        return changed, drafts

    def get_success_message(self, changed, drafts):
        message = ngettext("%(count)d card has been changed.", "%(count)d cards have been changed.", changed) % {
            "count": changed
        }
        if drafts:
            message += " " + ngettext(
                "%(count)d of them is saved as a draft: publish it or submit it for moderation.",
                "%(count)d of them are saved as drafts: publish them or submit them for moderation.",
                drafts,
            ) % {"count": drafts}
        if unchanged := len(self.actionable_objects) - changed:
            message += " " + ngettext(
                "%(count)d card is left as it was: it already had this value, or cannot take it.",
                "%(count)d cards are left as they were: they already had this value, or cannot take it.",
                unchanged,
            ) % {"count": unchanged}
        return message


class ChangeSectorBulkAction(CardBulkAction):
    display_name = _("Change sector")
    action_type = "change_sector"
    aria_label = _("Change the sector of the selected profession cards")
    action_priority = 60
    form_class = SectorForm
    field = "sector"

    @classmethod
    def value_for(cls, card, sector):
        if sector.locale_id == card.locale_id:
            return sector
        return sector.get_translation_or_none(card.locale)


class ChangeDemandBulkAction(CardBulkAction):
    display_name = _("Change demand level")
    action_type = "change_demand_level"
    aria_label = _("Change the demand level of the selected profession cards")
    action_priority = 61
    form_class = DemandForm
    field = "demand_level"
