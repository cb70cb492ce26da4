"""A résumé's photo and certificates: personal data, so kept outside the public media (``PRIVATE_MEDIA_ROOT``), handed
out only by the portal's views to the owner and to verified employers who may see the résumé (resumes.files), and
deleted from the disk with their row — when the owner removes one, and when the account goes."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.private_media import private_storage

from .resume import Resume


def stored_name(instance, filename):
    """A random name: nothing of the person's or of the original name is on the disk."""
    extension = "jpg" if instance.kind == FileKind.PHOTO else filename.rsplit(".", 1)[-1].lower()
    return f"resumes/{uuid.uuid4().hex}.{extension}"


class FileKind(models.TextChoices):
    PHOTO = "photo", _("photo")
    CERTIFICATE = "certificate", _("certificate or diploma")


class ResumeFile(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="files", verbose_name=_("résumé"))
    kind = models.CharField(_("kind"), max_length=12, choices=FileKind.choices)
    title = models.CharField(
        _("what it is"), max_length=200, blank=True, help_text=_("E.g. «Диплом Абилимпикс, 2025, 2 место».")
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=stored_name, max_length=200)
    original_name = models.CharField(max_length=255, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("résumé file")
        verbose_name_plural = _("résumé files")
        ordering = ["kind", "uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["resume"], condition=models.Q(kind="photo"), name="one_photo_per_resume")
        ]

    def __str__(self):
        return self.title or self.original_name
