"""The check every upload from a visitor goes through (a résumé's certificate, a district's evidence, a competition
entry's work): not too big, an extension the form takes, and content that is what the extension says
(``looks_like``, read from the bytes, never trusted from the name). Wagtail's document form (portal.documents) checks
the editors' uploads with the same ``looks_like``."""

import zipfile
from pathlib import PurePath

import filetype
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# What the content of a file with each allowed extension may be detected as. Office and OpenDocument
# files are ZIP archives, so a «.zip» may hold any of them.
OFFICE = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
EXPECTED_CONTENT = {
    "pdf": {"pdf"},
    "zip": {"zip", "epub", *OFFICE},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png"},
    "gif": {"gif"},
    "webp": {"webp"},
    **{ext: {ext} for ext in OFFICE},
}
# A member each office format must contain, for files whose first bytes only say «ZIP».
OFFICE_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "mimetype",
    "ods": "mimetype",
    "odp": "mimetype",
}


def detected_type(uploaded):
    """The format the file's bytes show (an extension), or None when they show nothing known."""
    uploaded.seek(0)
    kind = filetype.guess(uploaded.read(8192))
    uploaded.seek(0)
    return kind.extension if kind else None


def looks_like(uploaded, extension):
    detected = detected_type(uploaded)
    if detected in EXPECTED_CONTENT.get(extension, ()):
        return True
    if detected == "zip" and extension in OFFICE:
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
                if extension in ("odt", "ods", "odp"):
                    return "mimetype" in names and extension[1:] in archive.read("mimetype").decode("ascii", "ignore")
                return OFFICE_MARKERS[extension] in names
        except (zipfile.BadZipFile, KeyError, OSError):
            return False
        finally:
            uploaded.seek(0)
    return False


def extension_of(uploaded):
    return PurePath(uploaded.name).suffix.lower().lstrip(".")


def check_upload(uploaded, allowed, max_bytes):
    """Raise ``forms.ValidationError`` naming the first fault of ``uploaded``: its size over ``max_bytes``, an
    extension not in ``allowed``, or content that does not match its extension."""
    extension = extension_of(uploaded)
    if uploaded.size > max_bytes:
        raise forms.ValidationError(
            _("The file is %(size)s: at most %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)},
            code="too_big",
        )
    if extension not in allowed:
        raise forms.ValidationError(
            _("«.%(extension)s» is not accepted here: %(allowed)s.")
            % {"extension": extension, "allowed": ", ".join(sorted(allowed))},
            code="extension",
        )
    if not looks_like(uploaded, extension):
        raise forms.ValidationError(
            _("The content of «%(name)s» is not a «.%(extension)s» file. Save it again in that format.")
            % {"name": uploaded.name, "extension": extension},
            code="content_mismatch",
        )
