"""The photo and certificates a student adds to the résumé: checked against their content (the portal's upload check,
``portal.uploads.check_upload``), images written anew without their metadata (a phone's photo carries the place it was
taken), kept in ``PRIVATE_MEDIA_ROOT`` and handed out by ``serve`` only to those the caller has allowed."""

import io
from pathlib import PurePath

from django import forms
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from portal import private_media
from portal.uploads import check_upload, extension_of

from .models import FileKind, ResumeFile

MAX_BYTES = 5 * 1024 * 1024
MAX_CERTIFICATES = 10
PHOTO_SIDE = 800  # pixels: enough for a résumé, and the re-encoding drops everything but the picture
ALLOWED = {FileKind.PHOTO: {"jpg", "jpeg", "png"}, FileKind.CERTIFICATE: {"pdf", "jpg", "jpeg", "png"}}


class ResumeFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("What you add"), choices=FileKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("What it is"),
        max_length=200,
        required=False,
        help_text=_("For a certificate: e.g. «Диплом Абилимпикс, 2025, 2 место»."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("A photo: JPG or PNG. A certificate or diploma: PDF, JPG or PNG. Up to 5 MB."),
        error_messages={"required": _("Choose a file."), "empty": _("The file is empty.")},
    )

    def __init__(self, *args, resume, **kwargs):
        super().__init__(*args, **kwargs)
        self.resume = resume

    def clean(self):
        cleaned = super().clean()
        kind, uploaded = cleaned.get("kind"), cleaned.get("file")
        if kind is None or uploaded is None:
            return cleaned
        try:
            check_upload(uploaded, ALLOWED[FileKind(kind)], MAX_BYTES)
        except forms.ValidationError as error:
            self.add_error("file", error)
        else:
            if extension_of(uploaded) != "pdf":
                try:
                    cleaned["image"] = clean_image(uploaded)
                except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
                    self.add_error("file", _("The picture cannot be read: it is damaged or too large."))
        if kind == FileKind.CERTIFICATE and self.resume.files.filter(kind=kind).count() >= MAX_CERTIFICATES:
            self.add_error(None, _("At most %(count)d certificates: remove one first.") % {"count": MAX_CERTIFICATES})
        return cleaned


def clean_image(uploaded):
    """The picture written anew as JPEG (turned upright, at most PHOTO_SIDE pixels a side for a photo, 2000 for a
    scanned certificate), without EXIF or any other metadata."""
    with Image.open(uploaded) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        image.thumbnail((2000, 2000))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88)
    uploaded.seek(0)
    return out.getvalue()


def save(resume, form):
    """Store the form's file on the résumé; a new photo replaces the old one (and its file on the disk)."""
    data = form.cleaned_data
    uploaded, kind = data["file"], data["kind"]
    content = data.get("image")
    if content is not None and kind == FileKind.PHOTO:
        with Image.open(io.BytesIO(content)) as image:
            image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=88)
            content = out.getvalue()
    name = uploaded.name if content is None else PurePath(uploaded.name).stem + ".jpg"
    body = ContentFile(content if content is not None else uploaded.read(), name=name)
    with transaction.atomic():
        if kind == FileKind.PHOTO:
            for old in resume.files.filter(kind=FileKind.PHOTO):
                old.delete()  # post_delete takes the file from the disk
        return ResumeFile.objects.create(
            resume=resume, kind=kind, title=data["title"], file=body, original_name=uploaded.name[:255], size=body.size
        )


def serve(stored):
    """The file, never cached and never taken for another type."""
    return private_media.serve(stored.file, "application/pdf" if stored.file.name.endswith(".pdf") else "image/jpeg")
