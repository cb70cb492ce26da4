from django.http import HttpResponseNotAllowed
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_import import job_urls
from portal.autosave import continue_in_the_autosaved_draft
from portal.documents import DocumentDownloadsReport, refuse_missing_file
from portal.lockouts import UNLOCK_PERMISSION, lockouts_menu_item, lockouts_urls
from portal.models import Audience
from portal.reports import report_menu_item, report_urls
from portal.slugs import portal_scheme_in_the_admin


class AudienceViewSet(SnippetViewSet):
    """Editors rename and translate the audiences (wagtail-localize); the slugs stay."""

    model = Audience
    icon = "group"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(AudienceViewSet)

# After Wagtail's own check of private collections (order 0), so a visitor who may not see a document
# learns nothing about its file.
hooks.register("before_serve_document", refuse_missing_file, order=10)

READING = ("get", "head")


@hooks.register("before_serve_page", order=-10)
def refuse_methods_the_page_does_not_take(page, request, args, kwargs):
    """Wagtail serves a page for any method (TRACE and DELETE too); a page answers only those it declares."""
    allowed = getattr(page, "http_method_names", READING)
    if request.method.lower() not in allowed:
        return HttpResponseNotAllowed([method.upper() for method in allowed])
    return None


@hooks.register("before_serve_document", order=-10)
def refuse_methods_other_than_reading(document, request):
    if request.method.lower() not in READING:
        return HttpResponseNotAllowed([method.upper() for method in READING])
    return None


@hooks.register("register_admin_urls")
def register_import_job_urls():
    return job_urls()


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return report_urls(DocumentDownloadsReport, "downloads")


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return report_menu_item(DocumentDownloadsReport, icon="doc-full", order=900)


@hooks.register("register_admin_urls")
def register_lockouts_urls():
    return lockouts_urls()


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return lockouts_menu_item()


@hooks.register("register_permissions")
def register_unlock_permission():
    """So that the right to unlock sign-ins can be given to a group in the admin (superusers have it anyway)."""
    from django.contrib.auth.models import Permission

    app_label, codename = UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


hooks.register("before_create_page", continue_in_the_autosaved_draft)  # and gives the slug the portal's scheme


@hooks.register("before_edit_page")
def portal_scheme_for_a_drafts_slug(request, page):
    portal_scheme_in_the_admin(request, page)
