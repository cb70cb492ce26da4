"""The hand-written slugs of the first seeds followed another transliteration (я → ya, й → y) than every other
address of the portal (portal.slugs: я → ia, й → i). This renames them on sites built before, with the paths of the
pages below them and the slug their revisions hold, and leaves a permanent redirect from every old address."""

from django.conf import settings
from django.db import migrations

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


def public_path(page, url_path):
    """The address ``url_path`` is served at: below the locale's home, under /en/ for English."""
    below_home = "/" + url_path.strip("/").partition("/")[2]
    language = page.locale.language_code
    return below_home if language == settings.LANGUAGE_CODE else f"/{language}{below_home}"


def rename(apps, schema_editor, renamed=RENAMED, redirect=True):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    renamed_pages = Page.objects.filter(slug__in=renamed).select_related("locale").order_by("depth")
    below = Page.objects.none()
    for page in renamed_pages:
        below |= Page.objects.filter(path__startswith=page.path)
    old_paths = {moved.pk: public_path(moved, moved.url_path) for moved in below.select_related("locale")}
    for page in renamed_pages:
        page.refresh_from_db(fields=["url_path"])  # a renamed ancestor changed it
        new_slug = renamed[page.slug]
        old_prefix = page.url_path
        new_prefix = old_prefix[: -len(page.slug) - 1] + new_slug + "/"
        for moved in Page.objects.filter(path__startswith=page.path):
            moved.url_path = new_prefix + moved.url_path[len(old_prefix) :]
            if moved.pk == page.pk:
                moved.slug = new_slug
            moved.save(update_fields=["url_path", "slug"])
        # Publishing an older revision must not bring the old slug back.
        revisions = Revision.objects.filter(object_id=str(page.pk))
        if page_type is not None:
            revisions = revisions.filter(base_content_type=page_type)
        for revision in revisions:
            if revision.content.get("slug") in renamed:
                revision.content["slug"] = new_slug
                revision.save(update_fields=["content"])
    if redirect:
        for moved in Page.objects.filter(pk__in=old_paths).select_related("locale"):
            old_path = old_paths[moved.pk].rstrip("/")
            if old_path and not Redirect.objects.filter(old_path=old_path, site=None).exists():
                Redirect.objects.create(old_path=old_path, site=None, redirect_page=moved, is_permanent=True)


def back(apps, schema_editor):
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    for old in RENAMED:
        Redirect.objects.filter(old_path__contains=f"/{old}", redirect_page__isnull=False).delete()
    rename(apps, schema_editor, renamed={new: old for old, new in RENAMED.items()}, redirect=False)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_document_check"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(rename, back)]
