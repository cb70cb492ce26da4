"""The suitability rows' translation keys and locales are required, and unique together as Wagtail's
TranslatableMixin has them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("atlas", "0010_suitability_in_locales")]

    operations = [
        migrations.AlterField(
            model_name="professionsuitability",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="professionsuitability",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="professionsuitability",
            unique_together={("page", "category"), ("translation_key", "locale")},
        ),
    ]
