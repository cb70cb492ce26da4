"""Wagtail model viewsets of the collection: the analysts' rounds, and the events held that coordinators record for
their districts (the model's permission policy narrows every list, edit and delete to them; analysts read every
district's, and export them)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from partners.permissions import PolicyInspectView, PolicyInstancesMixin

from . import access
from .models import CollectionRound, HeldEvent


class RoundViewSet(ModelViewSet):
    """Analysts open a round (year, indicators, deadline) and change its deadline; the rest is on the dashboard."""

    model = CollectionRound
    icon = "date"
    add_to_admin_menu = False
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = ["year", "deadline", "closed_at"]
    form_fields = ["year", "deadline", "indicators", "jump_warning"]


class DistrictPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as the groups give them, narrowed for a coordinator to the rows of their districts;
    analysts (and superusers) have theirs on every district."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._covers(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._covers(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        rows = self.model._default_manager.all()
        return rows if access.is_analyst(user) else rows.filter(district__in=access.districts_of(user))

    def _covers(self, user, instance):
        return access.is_analyst(user) or access.may_edit(user, instance.district_id)


class HeldEventForm(WagtailAdminModelForm):
    """The district to choose is one of the coordinator's (the only one when they have one)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not access.is_analyst(for_user):
            districts = access.districts_of(for_user)
            self.fields["district"].queryset = districts
            if not self.instance.pk and len(districts) == 1:
                self.initial.setdefault("district", districts[0].pk)
        self.fields["district"].error_messages["invalid_choice"] = _("Choose one of your districts.")


class RecordingCreateView(generic.CreateView):
    def save_instance(self):
        event = self.form.save(commit=False)
        event.recorded_by = self.request.user
        event.save()
        return event


def narrowed(view_class):
    return type(f"District{view_class.__name__}", (PolicyInstancesMixin, view_class), {})


class HeldEventViewSet(ModelViewSet):
    model = HeldEvent
    icon = "calendar-check"
    menu_label = _("Events held")
    menu_order = 226
    add_to_admin_menu = True
    index_view_class = narrowed(generic.IndexView)
    edit_view_class = narrowed(generic.EditView)
    delete_view_class = narrowed(generic.DeleteView)
    inspect_view_class = PolicyInspectView
    add_view_class = RecordingCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_handler = ObjectList(HeldEvent.panels, base_form_class=HeldEventForm)
    list_display = [
        "title",
        "kind",
        "date",
        "district",
        Column("children", label=_("Children and students")),
        "with_disabilities",
    ]
    list_filter = ["kind", "district", "date"]
    search_fields = ["title", "organiser"]
    list_export = [
        "district",
        "kind",
        "title",
        "date",
        "organiser",
        "preschool",
        "grades_1_4",
        "grades_5_7",
        "grades_8_9",
        "grades_10_11",
        "with_disabilities",
        "parents",
    ]
    export_filename = "meropriyatiya"
