"""Each inline row takes its page's locale. A row of a page in the default language gets a translation key of its
own; a row of a translation gets the key of the original's row in the same position (the translations copied the
original's rows, in its order), so wagtail-localize finds them as translations of each other — or a key of its
own when the two pages' rows differ in number. Reversible (backwards, the columns are simply dropped by the
previous migration)."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant

ROWS = ["KitVersion", "KitAdaptation", "KitMaterial", "GameCard", "LessonMaterial", "PracticeMaterial"]


def into_locales(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    ).first()
    for name in ROWS:
        key_rows(apps.get_model("methodics", name), Page, default and default.pk)


def key_rows(model, Page, default_locale_id):
    rows = defaultdict(list)
    for row in model.objects.filter(locale=None).order_by("page_id", "sort_order", "pk"):
        rows[row.page_id].append(row)
    pages = Page.objects.filter(pk__in=rows).values("pk", "translation_key", "locale_id")
    pages = {page["pk"]: page for page in pages}
    originals = {}  # a page's translation key → the keys of its original's rows, in order
    for page_id in sorted(rows, key=lambda pk: pages[pk]["locale_id"] != default_locale_id):  # originals first
        page, page_rows = pages[page_id], rows[page_id]
        keys = originals.get(page["translation_key"]) if page["locale_id"] != default_locale_id else None
        if keys is None or len(keys) != len(page_rows):
            keys = [uuid.uuid4() for _row in page_rows]
        for row, key in zip(page_rows, keys, strict=True):
            row.translation_key = key
            row.locale_id = page["locale_id"]
        if page["locale_id"] == default_locale_id:
            originals[page["translation_key"]] = keys
        model.objects.bulk_update(page_rows, ["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [("methodics", "0004_translatable_rows")]
    operations = [migrations.RunPython(into_locales, migrations.RunPython.noop)]
