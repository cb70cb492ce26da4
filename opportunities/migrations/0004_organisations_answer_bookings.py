"""Organisations' people see and answer the bookings of their opportunities (their own only: the policy of
opportunities.booking_viewsets)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Организации"
CODENAMES = ["change_booking", "view_booking"]


def grant(apps, schema_editor):
    # The model permissions are created after the last migration of a run; this one needs them now.
    config = apps.get_app_config("opportunities")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="opportunities", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="opportunities", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0003_bookings")]

    operations = [migrations.RunPython(grant, revoke)]
