"""Files that are nobody's business but their owners' and the people the portal lets see them (a résumé's photo, a
district's evidence for its figures): kept outside the public media, in ``PRIVATE_MEDIA_ROOT``, which no web server
serves; the apps hand them out through views that check who asks, and delete them from the disk with their rows."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


def private_storage():
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def delete_stored_file(sender, instance, **kwargs):
    """``post_delete`` of a model with a private ``file``: the file goes from the disk with its row (Django leaves
    it otherwise)."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)


def serve(field_file, content_type, *, download_name=None):
    """The file, never cached and never taken for another type; ``download_name`` makes it a download."""
    response = FileResponse(
        field_file.open("rb"),
        content_type=content_type,
        as_attachment=download_name is not None,
        filename=download_name or "",
    )
    response["Cache-Control"] = "private, no-store"
    if download_name is None:
        response["Content-Disposition"] = "inline"
    return response
