"""The jury as a group: the admin and reading the entries (narrowed to their own competitions by the permission
policy, competitions.viewsets.JuryPolicy). Scores are given through the scoring form, not as model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Жюри конкурсов"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("competitions", "view_entry"),
]


def grant(apps, schema_editor):
    # Model permissions are created after the last migration of a run; the group needs them now.
    config = apps.get_app_config("competitions")
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
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="competitions", codename__in=["view_entry"])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("competitions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, remove)]
