"""Who reads parents' questions: the staff accounts of the centre each was sent to, members of the group
«Специалисты центров поддержки» (a data migration creates it with the admin and the requests' permissions). Editors
keep the directory of centres with the model permissions of ``SupportCentre`` and never see a question."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

CENTRE_STAFF_GROUP = "Специалисты центров поддержки"
# The admin, and reading and deleting the questions; no «change»: a parent's words are not edited.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("parents", "view_consultationrequest"),
    ("parents", "delete_consultationrequest"),
]


def centre_staff_candidates():
    """The accounts an editor may name as a centre's staff: active members of the group."""
    return get_user_model().objects.filter(is_active=True, groups__name=CENTRE_STAFF_GROUP).order_by("last_name")


def centre_staff_group():
    """The group with its permissions (a data migration creates it; this rebuilds it after ``manage.py flush``)."""
    group, _created = Group.objects.get_or_create(name=CENTRE_STAFF_GROUP)
    group.permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in GROUP_PERMISSIONS]
    )
    return group
