"""Audiences become a translatable snippet, in three steps (the data moves in a migration of its own: PostgreSQL
refuses to alter a table in the transaction that queued checks on its rows). Here: the new columns, empty."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_import_job"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="audience",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="audience",
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
            model_name="audience",
            name="name",
            field=models.CharField(default="", max_length=100, verbose_name="name"),
            preserve_default=False,
        ),
        # Unique per locale from 0008 on: a translation has its original's slug.
        migrations.AlterField(
            model_name="audience",
            name="slug",
            field=models.SlugField(verbose_name="code"),
        ),
    ]
