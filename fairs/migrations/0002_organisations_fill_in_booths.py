"""Organisations' people see and fill in their booths (their own only: partners.permissions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Организации"
CODENAMES = ["change_booth", "view_booth"]


def grant(apps, schema_editor):
    # The model permissions are created after the last migration of a run; this one needs them now.
    config = apps.get_app_config("fairs")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="fairs", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="fairs", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("fairs", "0001_initial"), ("partners", "0002_organisations_group")]

    operations = [migrations.RunPython(grant, revoke)]
