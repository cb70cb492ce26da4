"""Renaming pages' slugs in a data migration (portal migrations 0011 and 0012): the page and the paths of the pages
below it, the slug its revisions hold (publishing an older revision must not bring the old slug back), and a
permanent redirect from every old address. Works on the historical models ``apps`` gives, and does nothing where
the pages do not exist (a fresh database)."""

from django.conf import settings

STEP = 4  # the length of one level of a page's tree path (treebeard's steplen in Wagtail)


def public_path(page, url_path):
    """The address ``url_path`` is served at: below the locale's home, under /en/ for English."""
    below_home = "/" + url_path.strip("/").partition("/")[2]
    language = page.locale.language_code
    return below_home if language == settings.LANGUAGE_CODE else f"/{language}{below_home}"


def rename(apps, renamed, redirect=True):
    """Give each page whose slug is a key of ``renamed`` the slug it maps to (any locale; a renamed ancestor
    first), with redirects from the old addresses unless ``redirect`` is false."""
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
        siblings = Page.objects.filter(path__startswith=page.path[:-STEP], depth=page.depth)
        if siblings.filter(slug=new_slug).exists():  # the address is taken: leave this page as it is
            continue
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


def undo(apps, renamed):
    """The reverse of ``rename(apps, renamed)``: the old slugs back, the redirects to the renamed pages gone."""
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    for old in renamed:
        Redirect.objects.filter(old_path__contains=f"/{old}", redirect_page__isnull=False).delete()
    rename(apps, {new: old for old, new in renamed.items()}, redirect=False)
