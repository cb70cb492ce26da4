from django.db import migrations

from atlas.subjects import ensure_subjects


def create_subjects(apps, schema_editor):
    ensure_subjects(apps.get_model("atlas", "SchoolSubject"))


class Migration(migrations.Migration):
    dependencies = [("atlas", "0001_initial")]
    operations = [migrations.RunPython(create_subjects, migrations.RunPython.noop)]
