from django import template

from portal.templatetags.portal_tags import written_lang

register = template.Library()


# What organisations write is in the default language: the shell's tag marks it on a page in another language.
register.simple_tag(written_lang)
