from django.db import migrations

from portal.audiences import AUDIENCES


def create_audiences(apps, schema_editor):
    # The audiences as rows of two name columns, as they were then (0006 makes them translatable snippets).
    Audience = apps.get_model("portal", "Audience")
    for order, (slug, name_ru, name_en) in enumerate(AUDIENCES, start=1):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name_ru": name_ru, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
