"""The kits', lessons' and practices' inline rows become translatable with their page (wagtail-localize translates
their texts instead of copying the original's), in three steps (the data moves in a migration of its own:
PostgreSQL refuses to alter a table in the transaction that queued checks on its rows). Here: the new columns,
empty; and the links from a game card to its profession and from an adapted edition to its kit, which the
translation now links to the page in its own language."""

import django.db.models.deletion
from django.db import migrations, models

import methodics.models.page_links

ROWS = ["kitversion", "kitadaptation", "kitmaterial", "gamecard", "lessonmaterial", "practicematerial"]


def columns(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name=model_name,
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


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0013_profession_also_called"),
        ("methodics", "0003_rich_text_blocks_name_their_editor"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[operation for model_name in ROWS for operation in columns(model_name)],
        migrations.AlterField(
            model_name="gamecard",
            name="profession",
            field=methodics.models.page_links.TranslatedPageKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="atlas.professionpage",
                verbose_name="profession",
            ),
        ),
        migrations.AlterField(
            model_name="methodicalkitpage",
            name="adapted_edition_of",
            field=methodics.models.page_links.TranslatedPageKey(
                blank=True,
                help_text="For an edition adapted for students with disabilities: the kit it adapts.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="adapted_editions",
                to="methodics.methodicalkitpage",
                verbose_name="adapted edition of",
            ),
        ),
    ]
