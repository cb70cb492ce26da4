"""The «Организации» group: every approved organisation's people join it. It opens the admin and lets them see and
change their own organisation's profile (partners.permissions narrows it to their own); later slices add the
permissions for the items organisations publish."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Организации"
PERMISSIONS = [("wagtailadmin", "access_admin"), ("partners", "change_organisation"), ("partners", "view_organisation")]


def create_group(apps, schema_editor):
    # The model permissions are created after the last migration of a run; this one needs them now.
    for label in ("partners",):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
