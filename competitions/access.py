"""Who sees the entries: the jury accounts of a competition (members of the group «Жюри конкурсов», created by a data
migration with the admin and the entries' view permission) see that competition's entries and nothing else; accounts
with the permission «run competitions» (editors and moderators, home.roles) see every competition's entries."""

from django.contrib.auth.models import Group, Permission

JURY_GROUP = "Жюри конкурсов"
RUN = "competitions.run_competitions"
# The admin and reading the entries (narrowed to their own competitions by the permission policy); scores are added
# through the scoring form, never edited as entries.
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("competitions", "view_entry"),
]


def runs_competitions(user):
    return user.is_active and user.has_perm(RUN)


def jury_group():
    """The group with its permissions (a data migration creates it; this rebuilds it after ``manage.py flush``)."""
    group, _created = Group.objects.get_or_create(name=JURY_GROUP)
    group.permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in GROUP_PERMISSIONS]
    )
    return group
