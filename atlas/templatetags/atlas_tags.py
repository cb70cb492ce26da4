import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.inclusion_tag("atlas/includes/salary.html")
def salary(profession):
    return {"profession": profession}


@register.filter
def verbose_name(obj):
    return obj._meta.verbose_name


@register.simple_tag
def json_ld(data):
    """A JSON-LD script element. ``<``, ``>`` and ``&`` are escaped inside the JSON so no field can close
    the script element early."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def unverified(profession, field):
    """A visible «being verified» mark when the card's editors have not confirmed ``field`` yet."""
    from django.utils.translation import gettext

    if field in profession.unverified:
        return format_html(' <em class="unverified">({})</em>', gettext("information is being verified"))
    return ""


@register.simple_tag(takes_context=True)
def profession_card_sections(context, page):
    """What other apps add to a profession card: each function registered with the «profession_card_sections» hook
    takes (request, page) and returns HTML (the opportunities' block, later the vacancies'). The atlas knows none of
    those apps."""
    request = context.get("request")
    return mark_safe("".join(str(section(request, page)) for section in hooks.get_hooks("profession_card_sections")))


@register.simple_tag(takes_context=True)
def employer_page_sections(context, employer):
    """What other apps add to an employer's page: each function registered with the «employer_page_sections» hook
    takes (request, employer) and returns HTML (what the employer has open now: opportunities, vacancies)."""
    request = context.get("request")
    return mark_safe("".join(str(section(request, employer)) for section in hooks.get_hooks("employer_page_sections")))
