"""The inline rows' translation keys and locales are required, and unique together as Wagtail's TranslatableMixin
has them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ROWS = ["kitversion", "kitadaptation", "kitmaterial", "gamecard", "lessonmaterial", "practicematerial"]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [("methodics", "0005_rows_in_locales")]
    operations = [operation for model_name in ROWS for operation in required(model_name)]
