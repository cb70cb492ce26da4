"""The courses' organisers as a group: the admin, and reading the enrolments (narrowed to their own courses by the
permission policy). No «add», «change» or «delete»: teachers enrol themselves; organisers confirm completion."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Организаторы курсов"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("courses", "view_enrolment"),
]


def grant(apps, schema_editor):
    # Model permissions are created after the last migration of a run; the group needs them now.
    config = apps.get_app_config("courses")
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
        ("courses", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, remove)]
