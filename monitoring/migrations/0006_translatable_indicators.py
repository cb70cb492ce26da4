"""Indicators and directions become translatable snippets (1 of 3): the locale, the translation key and the one
name column, empty until 0006 fills them; a number is unique per locale from now on."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0005_rich_text_blocks_name_their_editor"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="monitoringdirection",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="monitoringdirection",
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
        migrations.AddField(
            model_name="monitoringdirection",
            name="name",
            field=models.TextField(default="", verbose_name="name"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="monitoringdirection",
            name="number",
            field=models.PositiveSmallIntegerField(verbose_name="number"),
        ),
        migrations.AddField(
            model_name="indicator",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="indicator",
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
        migrations.AddField(
            model_name="indicator",
            name="name",
            field=models.TextField(default="", verbose_name="name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicator",
            name="share_of",
            field=models.CharField(blank=True, default="", max_length=255, verbose_name="share of"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="indicator",
            name="number",
            field=models.PositiveSmallIntegerField(verbose_name="number"),
        ),
    ]
