"""Each suitability row takes its card's locale and a translation key of its own. Reversible (backwards, the columns
are simply dropped by the previous migration)."""

import uuid

from django.db import migrations


def into_locales(apps, schema_editor):
    ProfessionSuitability = apps.get_model("atlas", "ProfessionSuitability")
    for row in ProfessionSuitability.objects.filter(locale=None).select_related("page"):
        row.translation_key = uuid.uuid4()
        row.locale_id = row.page.locale_id
        row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [("atlas", "0009_translatable_suitability")]
    operations = [migrations.RunPython(into_locales, migrations.RunPython.noop)]
