"""Indicators 3 and 7 get the monitoring directions of the rows their empty «assessment position» cells are merged
with in the document's table (indicators 2 and 6: monitoring.seed.MERGED_ROWS), on sites seeded before that rule."""

from django.db import migrations

MERGED_ROWS = {3: 2, 7: 6}


def give_directions(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    for number, row in MERGED_ROWS.items():
        source = Indicator.objects.filter(number=row, direction__isnull=False).first()
        if source is not None:
            Indicator.objects.filter(number=number, locale=source.locale, direction__isnull=True).update(
                direction=source.direction
            )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0008_translatable_indicators_columns")]

    operations = [migrations.RunPython(give_directions, migrations.RunPython.noop)]
