"""Indicators and directions become translatable snippets (2 of 3): every existing row joins the default locale
and keeps its primary key, so observations, targets and reports keep pointing at it; its Russian name becomes its
name, and its English name (where there is one) a translation of its own under the same translation key. A
translation holds the words only: no direction, no targets; what was never written in English (the sources, the
description) stays empty there, and the site shows the original's, marked as Russian."""

import uuid

from django.conf import settings
from django.db import migrations

ENGLISH = "en"  # the language of the old ``name_en`` and ``share_of_en`` columns


def to_translatable(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    english = None
    for model_name in ("MonitoringDirection", "Indicator"):
        model = apps.get_model("monitoring", model_name)
        for row in model.objects.order_by("pk"):
            row.locale = default
            row.translation_key = uuid.uuid4()
            row.name = row.name_ru
            if model_name == "Indicator":
                row.share_of = row.share_of_ru
            row.save()
            if not row.name_en:
                continue
            if english is None:
                english, _created = Locale.objects.get_or_create(language_code=ENGLISH)
            translation = model(locale=english, translation_key=row.translation_key, number=row.number)
            translation.name = translation.name_ru = row.name_en
            if model_name == "Indicator":
                translation.unit = row.unit
                translation.share_of = translation.share_of_ru = row.share_of_en
            translation.save()


def to_columns(apps, schema_editor):
    """Back to one row with two columns: the English translation's words into the ``_en`` columns; the translations
    (in whatever language) go, which nothing points at."""
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for model_name in ("MonitoringDirection", "Indicator"):
        model = apps.get_model("monitoring", model_name)
        english = {row.translation_key: row for row in model.objects.filter(locale__language_code=ENGLISH)}
        for row in model.objects.filter(locale=default):
            translation = english.get(row.translation_key)
            row.name_ru = row.name
            row.name_en = translation.name if translation else ""
            if model_name == "Indicator":
                row.share_of_ru = row.share_of
                row.share_of_en = translation.share_of if translation else ""
            row.save()
        model.objects.exclude(locale=default).delete()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0006_translatable_indicators")]
    operations = [migrations.RunPython(to_translatable, to_columns)]
