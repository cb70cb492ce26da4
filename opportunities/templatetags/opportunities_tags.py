from django import template
from django.utils.html import format_html

from portal import locales

register = template.Library()


@register.simple_tag
def written_lang():
    """` lang="ru"` on what organisations write, on a page in another language: they write in the default language
    and the site shows it as written."""
    if locales.is_default_language(locales.content_language()):
        return ""
    return format_html(' lang="{}"', locales.default_language())
