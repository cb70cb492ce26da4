"""A card's suitability rows become translatable with their card (wagtail-localize translates their notes), in three
steps (the data moves in a migration of its own: PostgreSQL refuses to alter a table in the transaction that queued
checks on its rows). Here: the new columns, empty."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0008_open_days_on_organisations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="professionsuitability",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="professionsuitability",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]
