from django.db import migrations

from atlas.subjects import SCHOOL_SUBJECTS


def create_subjects(apps, schema_editor):
    # The subjects as rows of two name columns, as they were then (0004 makes them translatable snippets).
    SchoolSubject = apps.get_model("atlas", "SchoolSubject")
    for code, name_ru, name_en in SCHOOL_SUBJECTS:
        SchoolSubject.objects.get_or_create(code=code, defaults={"name_ru": name_ru, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("atlas", "0001_initial")]
    operations = [migrations.RunPython(create_subjects, migrations.RunPython.noop)]
