"""Who may download which document, and whether its file is there. Apart from ``portal.documents`` (the admin's
document form and report), which imports Wagtail's admin views: the pages that list documents import this module
while the models load."""

from wagtail.models import Collection, CollectionViewRestriction


class DocumentAccess:
    """Which documents the current visitor may download: those outside any restricted collection, and
    those whose collection's restrictions the request passes (for example, signed in as a teacher).
    Built once per page with one query and one more per restricted collection (there are a few),
    however many documents the page lists."""

    def __init__(self, request):
        self.request = request
        self.restrictions = {}  # collection id -> [restrictions applying to it, its own or inherited]
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            for collection_id in Collection.objects.descendant_of(restriction.collection, inclusive=True).values_list(
                "pk", flat=True
            ):
                self.restrictions.setdefault(collection_id, []).append(restriction)

    def is_private(self, document):
        return document.collection_id in self.restrictions

    def allows(self, document):
        """``request`` None stands for an anonymous visitor (a file built in the background for everyone)."""
        restrictions = self.restrictions.get(document.collection_id, ())
        if self.request is None:
            return not restrictions
        return all(r.accept_request(self.request) for r in restrictions)

    def mark(self, materials):
        """Set ``is_private`` and ``allowed`` on each item (anything with a ``document``) for templates."""
        for item in materials:
            item.is_private = self.is_private(item.document)
            item.allowed = self.allows(item.document)
        return materials


def file_exists(document):
    try:
        return document.file.storage.exists(document.file.name)
    except (OSError, ValueError):
        return False
