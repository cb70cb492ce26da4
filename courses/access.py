"""Who sees teachers' enrolments: the organisers of each course, members of the group «Организаторы курсов» (a data
migration creates it with the admin and the enrolments' permissions). Moderators keep the catalogue with the model
permissions of ``Course`` and see no teacher's enrolment."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

ORGANISERS_GROUP = "Организаторы курсов"
# The admin, and reading the enrolments of their courses; confirming completion is a view of its own, checked by
# the course's organisers. No «add», «change» or «delete»: teachers enrol themselves.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("courses", "view_enrolment"),
]


def organiser_candidates():
    """The accounts an editor may name as a course's organisers: active members of the group."""
    return get_user_model().objects.filter(is_active=True, groups__name=ORGANISERS_GROUP).order_by("last_name")


def organisers_group():
    """The group with its permissions (a data migration creates it; this rebuilds it after ``manage.py flush``)."""
    group, _created = Group.objects.get_or_create(name=ORGANISERS_GROUP)
    group.permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in GROUP_PERMISSIONS]
    )
    return group
