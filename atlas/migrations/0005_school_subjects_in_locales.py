"""Each school subject becomes the original in the default locale, keeping its primary key (the profession cards
keep their links); its English name becomes its translation where the English locale exists. Reversible."""

from django.conf import settings
from django.db import migrations

from portal import translatable_rows

# The languages the two name columns were in.
COLUMNS = {"ru": "name_ru", "en": "name_en"}


def into_locales(apps, schema_editor):
    translatable_rows.into_locales(
        apps.get_model("atlas", "SchoolSubject"), apps.get_model("wagtailcore", "Locale"), COLUMNS, settings.LANGUAGE_CODE
    )


def into_columns(apps, schema_editor):
    translatable_rows.into_columns(apps.get_model("atlas", "SchoolSubject"), COLUMNS, settings.LANGUAGE_CODE)


class Migration(migrations.Migration):
    dependencies = [("atlas", "0004_translatable_school_subjects")]
    operations = [migrations.RunPython(into_locales, into_columns)]
