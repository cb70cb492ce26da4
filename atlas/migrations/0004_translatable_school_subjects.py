"""School subjects become a translatable snippet, in three steps (the data moves in a migration of its own: PostgreSQL
refuses to alter a table in the transaction that queued checks on its rows). Here: the new columns, empty."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0003_abilympics_competence"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="schoolsubject",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="schoolsubject",
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
            model_name="schoolsubject",
            name="name",
            field=models.CharField(default="", max_length=60, verbose_name="name"),
            preserve_default=False,
        ),
        # Unique per locale from 0006 on: a translation has its original's code.
        migrations.AlterField(
            model_name="schoolsubject",
            name="code",
            field=models.SlugField(verbose_name="code"),
        ),
    ]
