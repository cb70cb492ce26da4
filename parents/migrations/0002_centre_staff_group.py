"""The centres' staff as a group: the admin, and reading and deleting the questions (narrowed to their own centres by
the permission policy). No «change»: a parent's words are not edited."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Специалисты центров поддержки"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("parents", "view_consultationrequest"),
    ("parents", "delete_consultationrequest"),
]


def grant(apps, schema_editor):
    # Model permissions are created after the last migration of a run; the group needs them now.
    config = apps.get_app_config("parents")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in PERMISSIONS]
    )


def remove(apps, schema_editor):
    # The permissions go; the group row stays (deleting it would cascade through other apps' historical models).
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(codename__in=[code for _app, code in PERMISSIONS]))


class Migration(migrations.Migration):
    dependencies = [
        ("parents", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, remove)]
