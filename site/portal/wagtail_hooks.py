from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.documents import refuse_missing_file
from portal.models import Audience

register_snippet(Audience)

# After Wagtail's own check of private collections (order 0), so a visitor who may not see a document
# learns nothing about its file.
hooks.register("before_serve_document", refuse_missing_file, order=10)
