from wagtail.snippets.models import register_snippet

from portal.models import Audience

register_snippet(Audience)
