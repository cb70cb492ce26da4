"""Parts of a page kept rendered between requests that the page cache does not serve (a signed-in editor or
teacher, a query string, a page not stored yet): ``{% cached_fragment "name" key… %}…{% endcached_fragment %}``.

A fragment is kept under the content version (``portal.content_version``), so every committed change to content
makes every fragment stale at once, as it does cached pages and look-ups. Its key also holds the language, the
request's host and the visitor's mode of the version for the visually impaired. Put in a fragment only what
depends on nothing else: no form (a CSRF token), nothing about the user. A preview is always rendered afresh (the
draft is not what the key names) and renders nothing into the cache.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from portal import lookups

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or not settings.FRAGMENT_CACHE_SECONDS:
            return self.nodelist.render(context)
        a11y = getattr(request, "a11y", None)
        mode = a11y.cache_variant if a11y is not None else ""
        parts = [part.resolve(context) for part in self.parts]
        described = repr((translation.get_language(), request.get_host(), mode, parts))
        digest = hashlib.sha256(described.encode()).hexdigest()
        key = f"portal:fragment:{lookups.version()}:{self.name.resolve(context)}:{digest}"
        cache = caches["default"]
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        return html


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment "profession-card" page.pk %}`` … ``{% endcached_fragment %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
