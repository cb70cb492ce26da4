from django import template
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def monitoring_index_sections(context, page):
    """What other apps add to the monitoring section's page: each function registered with the
    «monitoring_index_sections» hook takes (request, page) and returns HTML (the employers' participation from the
    opportunities). The monitoring knows none of those apps."""
    request = context.get("request")
    return mark_safe("".join(str(section(request, page)) for section in hooks.get_hooks("monitoring_index_sections")))


@register.simple_tag(takes_context=True)
def monitoring_report_sections(context, page):
    """What other apps add to a yearly report: each function registered with the «monitoring_report_sections» hook
    takes (request, report page) and returns HTML for the report's year (the students' choices against the labour
    market from the career builder)."""
    request = context.get("request")
    return mark_safe("".join(str(section(request, page)) for section in hooks.get_hooks("monitoring_report_sections")))
