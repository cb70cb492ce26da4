"""The hand-written slugs of the first seeds followed another transliteration (я → ya, й → y) than every other
address of the portal (portal.slugs: я → ia, й → i). This renames them on sites built before, with the paths of the
pages below them and the slug their revisions hold, and leaves a permanent redirect from every old address."""

from django.db import migrations

from portal import slug_renames

RENAMED = {
    "dostupnaya-sreda": "dostupnaia-sreda",
    "meropriyatiya-dlya-pedagogov": "meropriiatiia-dlia-pedagogov",
    "meropriyatiya-dlya-roditelei": "meropriiatiia-dlia-roditelei",
    "obratnaya-svyaz": "obratnaia-sviaz",
    "opros-rabotodateley": "opros-rabotodatelei",
    "spravochnik-postupayushchego": "spravochnik-postupaiushchego",
    "yarmarka-dlya-vypusknikov-s-ovz": "iarmarka-dlia-vypusknikov-s-ovz",
    "yarmarka-vakansiy-osen": "iarmarka-vakansii-osen",
    "yarmarki-vakansiy": "iarmarki-vakansii",
}


def rename(apps, schema_editor, renamed=RENAMED, redirect=True):
    slug_renames.rename(apps, renamed, redirect=redirect)


def back(apps, schema_editor):
    slug_renames.undo(apps, RENAMED)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_document_check"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(rename, back)]
