"""The two roles of the collection as groups: municipal coordinators (their districts' reports) and the monitoring's
analysts (rounds and decisions; also the central import and corrections of observations)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Муниципальные координаторы": [("wagtailadmin", "access_admin"), ("reporting", "report_district")],
    "Аналитики мониторинга": [
        ("wagtailadmin", "access_admin"),
        ("reporting", "manage_rounds"),
        ("reporting", "add_collectionround"),
        ("reporting", "change_collectionround"),
        ("reporting", "view_collectionround"),
        ("monitoring", "add_observation"),
        ("monitoring", "change_observation"),
        ("monitoring", "view_observation"),
    ],
}


def grant(apps, schema_editor):
    # Model permissions are created after the last migration of a run; these groups need them now.
    for label in ("reporting", "monitoring"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in codenames]
        )


def remove(apps, schema_editor):
    # The groups' permissions go; the group rows stay (deleting them here would cascade through historical models
    # of other apps, and a group may have members an operator wants to keep).
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        codenames = [code for _app, code in GROUPS[group.name]]
        group.permissions.remove(*Permission.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("monitoring", "0009_directions_of_indicators_3_and_7"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, remove)]
