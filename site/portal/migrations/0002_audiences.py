from django.db import migrations

AUDIENCES = [
    ("students", "Школьникам и студентам", "Students", 1),
    ("parents", "Родителям", "Parents", 2),
    ("teachers", "Педагогам", "Teachers", 3),
    ("disabled_youth", "Молодёжи с ОВЗ и инвалидностью", "Young people with disabilities", 4),
    ("employers", "Работодателям", "Employers", 5),
    ("specialists", "Специалистам системы профориентации", "Career guidance specialists", 6),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("portal", "Audience")
    for slug, name_ru, name_en, order in AUDIENCES:
        Audience.objects.update_or_create(slug=slug, defaults={"name_ru": name_ru, "name_en": name_en, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
