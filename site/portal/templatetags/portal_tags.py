"""Navigation helpers every page template uses: the main menu, breadcrumbs and language links.
Each is looked up once per content version (portal.lookups) and costs no query after that, whatever the size of
the tree. They give plain items (title, URL), the URL as ``pageurl`` gives it on the request's site."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from portal import addresses, locales, lookups, pages
from portal.models import PortalSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def public_url(context, target):
    """The absolute public URL of a page or a path (``PUBLIC_BASE_URL``, never the request's host)."""
    return addresses.public_url(target, context.get("request"))


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request)}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level sections of the visitor's language, in the editors' order («show in menus»): pk, title, url."""
    request = context.get("request")
    if request is None:
        return []
    language = translation.get_language()

    def build():
        home = pages.home_for_language(request, language)
        if home is None:
            return []
        items = home.get_children().live().public().in_menu().specific().only("title", "url_path")
        return [_link(item, request) for item in items]

    return lookups.lookup("main-menu", _site_pk(request), language, build=build)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors below the tree root, outermost first (the home page included): title, url."""
    if page is None or not getattr(page, "pk", None):
        return []
    request = context.get("request")

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "depth")
        return [_link(ancestor, request) for ancestor in ancestors]

    return lookups.lookup("breadcrumbs", _site_pk(request), page.pk, build=build)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per site language: the translation of the current page where it exists and is live,
    otherwise that language's home page."""
    request = context.get("request")
    current = translation.get_language()
    page_pk = page.pk if page is not None and getattr(page, "pk", None) else None

    def build():
        translations = {}
        if page_pk is not None:
            for other in page.get_translations(inclusive=True).live().select_related("locale"):
                translations[other.locale.language_code] = other
        targets = []
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or (pages.home_for_language(request, code) if request else None)
            url = target.get_url(request) if target else ("/" if code == settings.LANGUAGE_CODE else f"/{code}/")
            targets.append({"code": code, "name": name, "url": url})
        return targets

    targets = lookups.lookup("language-links", _site_pk(request), page_pk, build=build)
    return [{**target, "current": target["code"] == current} for target in targets]


def _site_pk(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site else None


@register.filter
def shows_help_text(bound_field):
    """Whether the field's help text is to be shown under it: it has one, and no hint of the template's own describes
    the field (Django then points ``aria-describedby`` at ``<auto_id>_helptext``, which must exist)."""
    return bool(bound_field.help_text) and "aria-describedby" not in bound_field.field.widget.attrs


# Document icons (Tabler Icons, MIT: static/portal/icons/tabler/LICENSE) by file extension; the file type is also
# written out beside the link, so the icon is decoration.
FILE_ICONS = {
    "pdf": "file-type-pdf",
    "xlsx": "file-spreadsheet",
    "xls": "file-spreadsheet",
    "csv": "file-spreadsheet",
    "ods": "file-spreadsheet",
    "zip": "file-zip",
    "docx": "file-type-doc",
    "doc": "file-type-doc",
    "odt": "file-type-doc",
    "txt": "file-text",
    "pptx": "presentation",
    "jpg": "photo",
    "png": "photo",
    "mp4": "video",
}


@register.filter
def file_icon(extension):
    """The icon class for a document with ``extension`` (a generic file for others)."""
    return f"icon--{FILE_ICONS.get(str(extension).lower().lstrip('.'), 'file')}"


@register.filter
def page_kind(page):
    """Human-readable page type name, e.g. «Новость»."""
    return page.specific_class._meta.verbose_name if isinstance(page, Page) else ""


@register.filter
def content_lang(item):
    """` lang="ru"` on the element showing a translatable object in another language than the page's (the fallback
    to the default language where no translation exists), so screen readers read it in its own language."""
    language = locales.language_of(item)
    return "" if language == locales.content_language() else format_html(' lang="{}"', language)


@register.filter
def content_names(items):
    """Names joined by commas (translatable objects, or plain text such as a gettext'ed label), each object shown in
    another language than the page's (a fallback) in a ``<span>`` marked with its language."""
    parts = []
    for item in items:
        language = content_lang(item) if hasattr(item, "locale_id") else ""
        parts.append(format_html("<span{}>{}</span>", language, item) if language else conditional_escape(item))
    return mark_safe(", ".join(parts))  # every part is escaped above


@register.simple_tag
def written_lang():
    """` lang="ru"` on text kept in the default language only (what organisations write, a centre's address), on a
    page in another language: the site shows it as written."""
    if locales.is_default_language(locales.content_language()):
        return ""
    return format_html(' lang="{}"', locales.default_language())


@register.filter
def column(row, field):
    """A row's ``<field>_<language>`` column in the visitor's language, else the default language's (site settings,
    two-column reference rows)."""
    return locales.column_in_language(row, field)


@register.filter
def column_lang(row, field):
    """` lang="ru"` where ``column`` shows the default language's column because the visitor's is empty."""
    language = locales.column_language(row, field)
    if language == locales.content_language() or not locales.column_in_language(row, field):
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def widget_with_errors(bound_field):
    """The field's widget, tied to its error message (aria-invalid, aria-describedby) when it has one. A description
    the widget names itself (``attrs={"aria-describedby": …}``, a hint beside the field) stays, after the error."""
    if not bound_field.errors:
        return bound_field.as_widget()
    own = bound_field.field.widget.attrs.get("aria-describedby", "")
    described_by = " ".join(filter(None, [f"{bound_field.auto_id}-error", own]))
    return bound_field.as_widget(attrs={"aria-invalid": "true", "aria-describedby": described_by})


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The addresses of the contacts and feedback pages the site settings name, each in the visitor's language where
    translated and live: {"contacts": url, "feedback": url}, an empty string for a page not set or not live. Looked up
    once per content version."""
    request = context.get("request")
    if request is None:
        return {}
    language = translation.get_language()
    site = lookups.site_for(request)

    def build():
        chosen = PortalSettings.for_site(site) if site else None
        found = {}
        for name in ("contacts", "feedback"):
            page_id = getattr(chosen, f"{name}_page_id", None)
            page = Page.objects.filter(pk=page_id).only("translation_key").first() if page_id else None
            shown = None
            if page is not None:
                versions = Page.objects.filter(translation_key=page.translation_key).live().public()
                shown = versions.filter(locale__language_code=language).first() or versions.filter(pk=page_id).first()
            found[name] = shown.get_url(request) if shown else ""
        return found

    return lookups.lookup("footer-pages", site.pk if site else None, language, build=build)
