"""Who may do what with organisations' items: each organisation's people only their own organisation's.

``OrganisationPermissionPolicy`` is the one policy for every model an organisation owns (``OwnedByOrganisation``, and
``Organisation`` itself for the profile): model permissions as Django gives them, narrowed for a member of an
organisation to the instances of that organisation. Wagtail's generic views check model permissions only, so the
viewsets use ``OwnInstancesMixin`` on their listing, edit and delete views to ask the policy which instances exist.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from portal import account_request_admin

from .models import Organisation, Status

# Every approved organisation's people belong to it: it opens the admin and gives the model permissions on what
# organisations manage; each organisation also has a group of its own for its image collection (partners.accounts).
ORGANISATIONS_GROUP = "Организации"
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("partners", "change_organisation"),
    ("partners", "view_organisation"),
]
# What an organisation's people manage, by main menu item name: its profile and its images; later apps add theirs
# (opportunities, vacancies, bookings) with ``grant_to_organisations``.
ORGANISATION_MENU = {"partners_profile", "images"}


def organisation_of(user):
    """The approved organisation whose account ``user`` is, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, "_approved_organisation"):
        user._approved_organisation = Organisation.objects.filter(account=user, status=Status.APPROVED).first()
    return user._approved_organisation


def is_organisation_member(user):
    """Whether ``user``'s only role is an organisation's: the admin shows them only what the organisation manages."""
    if user.is_superuser or organisation_of(user) is None:
        return False
    own_group = organisation_of(user).group_id
    return not user.groups.exclude(name=ORGANISATIONS_GROUP).exclude(pk=own_group).exists()


def organisations_group():
    """The «Организации» group with its permissions (a data migration creates it; this keeps it whole)."""
    group, _created = Group.objects.get_or_create(name=ORGANISATIONS_GROUP)
    for app_label, codename in GROUP_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited for an organisation's people to their organisation's instances; others (editors)
    have the model permissions on every instance.

    ``owner_field`` names the field holding the organisation's id: "organisation_id" on ``OwnedByOrganisation``, "pk"
    on ``Organisation`` itself. Register it for each such model (``register_permission_policy``): Wagtail's views
    take a model's policy from that registry."""

    def __init__(self, model, owner_field="organisation_id"):
        super().__init__(model)
        self.owner_field = owner_field

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._owns(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._owns(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self._own(user, self.model._default_manager.all())

    def _own(self, user, queryset):
        organisation = organisation_of(user)
        if organisation is None:  # editors, with the model permissions: every organisation's
            return queryset
        return queryset.filter(**{self.owner_field: organisation.pk})

    def _owns(self, user, instance):
        organisation = organisation_of(user)
        return organisation is None or getattr(instance, self.owner_field) == organisation.pk


def grant_to_organisations(menu_name, *permissions):
    """Let every organisation's people manage a later app's model: its main menu item ``menu_name`` in their narrowed
    menu, and the model permissions ``(app_label, codename)`` (called from the app's ``ready()``; its data migration
    grants them to the existing group)."""
    ORGANISATION_MENU.add(menu_name)
    GROUP_PERMISSIONS.extend(p for p in permissions if p not in GROUP_PERMISSIONS)


class PolicyInstancesMixin:
    """For a viewset's listing, edit, delete and inspect views: only the instances the model's permission policy lets
    the user act on exist (an organisation's own for its people, all for editors); any other is a 404, as if it were
    not there."""

    def get_base_queryset(self):
        return self._narrowed(super().get_base_queryset())

    def get_queryset(self):
        return self._narrowed(super().get_queryset())

    def _narrowed(self, queryset):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view", "delete"]
        )
        return queryset.filter(pk__in=allowed.values("pk"))


class PolicyInspectView(generic.InspectView):
    """Wagtail's inspect view finds its object by id alone: one the model's permission policy does not let the user
    view is a 404 here too, as in the narrowed list."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["view", "change"], instance
        ):
            raise Http404
        return instance


class OwnInstancesMixin(PolicyInstancesMixin):
    """``PolicyInstancesMixin`` for views only organisations' people use (editors have their own)."""

    def dispatch(self, request, *args, **kwargs):
        if organisation_of(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def is_reviewer(user):
    """Editors who approve and reject organisation accounts (superusers, or given the «review» permission)."""
    return user.is_active and user.has_perm("partners.review_organisation")


class ReviewersOnlyMixin(account_request_admin.ReviewersOnlyMixin):
    """For the editors' views of organisation accounts: the «review» permission is needed for everything, so an
    organisation's own «change» permission on its profile never opens the list of all organisations; requests come
    from the public form only, so nothing is added here."""

    reviewer_permissions = frozenset({"view", "change", "delete"})  # all the generic views ask for, but «add»
    is_reviewer = staticmethod(is_reviewer)


class SeenByPolicy(ModelPermissionPolicy):
    """Model permissions narrowed to the rows ``model._default_manager.seen_by(user)`` gives (a parent's questions to a
    centre's staff, enrolments to a course's organisers, entries to a competition's jury), with the ``refused`` actions
    refused to everyone: rows that only the public form adds, or only the daily command deletes."""

    refused = ("add",)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._sees(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._sees(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.seen_by(user)

    def _sees(self, user, instance):
        return self.model._default_manager.seen_by(user).filter(pk=instance.pk).exists()
