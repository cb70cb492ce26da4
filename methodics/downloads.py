"""What teachers take away: a lesson plan as a tagged PDF, the profession cards of the game module, and a
whole kit as one ZIP archive, streamed so that memory does not grow with the archive."""

import re
from pathlib import PurePath

import zipstream
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from portal.best_effort import best_effort
from portal.documents import DocumentAccess, file_exists
from portal.models import DocumentDownload
from portal.pdf import pdf_bytes, qr_svg, render_pdf

from .models import KitMaterial, LessonMaterial

UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(title, extension=""):
    """A file or folder name made from a title: Cyrillic kept, characters file systems refuse replaced."""
    name = UNSAFE_IN_NAMES.sub("-", title.replace(": ", " — ")).strip(" .-")[:80] or "file"
    return f"{name}.{extension}" if extension else name


def lesson_pdf_context(request, lesson):
    return {"page": lesson, "qr": qr_svg(lesson.full_url), **lesson.lesson_context(request)}


def lesson_pdf(request, lesson):
    return pdf_bytes(request, "methodics/lesson_pdf.html", lesson_pdf_context(request, lesson), title=lesson.title)


def lesson_pdf_response(request, lesson):
    return render_pdf(
        request,
        "methodics/lesson_pdf.html",
        lesson_pdf_context(request, lesson),
        title=lesson.title,
        filename=file_name(lesson.title, "pdf"),
    )


def game_cards_response(request, kit):
    if not kit.is_game:
        return TemplateResponse(
            request,
            "methodics/download_refused.html",
            {"page": kit, "reason": _("This kit is not a game.")},
            status=404,
        )
    cards = list(kit.game_cards.select_related("profession", "profession__sector"))
    return render_pdf(
        request,
        "methodics/game_cards_pdf.html",
        {"page": kit, "cards": cards, "roles": [role.value for role in kit.game_roles]},
        title=_("Cards of the game «%(title)s»") % {"title": kit.title},
        filename=file_name(_("Game cards") + " " + kit.title, "pdf"),
    )


def lazy_lesson_pdf(request, lesson, language):
    """The lesson plan PDF, made only when the archive reaches it (one PDF in memory at a time)."""
    with translation.override(language):
        yield lesson_pdf(request, lesson)


def document_chunks(document):
    with document.file.open("rb") as handle:
        yield from handle.chunks()


def kit_zip_response(request, kit):
    """The whole kit: for each lesson in order a folder with its plan as PDF and its materials, then the
    kit's own materials, and a «read me» listing the contents and anything left out (private materials
    for a visitor who is not signed in, files missing on disk)."""
    lessons = list(kit.lessons())
    lesson_materials = {}
    for material in LessonMaterial.objects.filter(page__in=lessons).select_related("document"):
        lesson_materials.setdefault(material.page_id, []).append(material)
    kit_materials = list(KitMaterial.objects.filter(page=kit).select_related("document"))
    if not lessons and not kit_materials:
        return TemplateResponse(
            request,
            "methodics/download_refused.html",
            {"page": kit, "reason": _("This kit has no lessons or materials to download yet.")},
            status=404,
        )

    access = DocumentAccess(request)
    entries, left_out, served = [], [], []  # entries: (data, name in the archive, size if known)

    def add_material(material, folder):
        document = material.document
        if not access.allows(document):
            left_out.append(_("%(title)s — for signed-in teachers") % {"title": document.title})
        elif not file_exists(document):
            left_out.append(_("%(title)s — the file is temporarily unavailable") % {"title": document.title})
        else:
            extension = PurePath(document.file.name).suffix.lstrip(".")
            name = f"{folder}/{file_name(document.title, extension)}"
            entries.append((document_chunks(document), name, document.file.size))
            served.append(document.pk)

    language = translation.get_language()
    for number, lesson in enumerate(lessons, start=1):
        folder = f"{number:02d} {file_name(lesson.title)}"
        plan_name = file_name(_("Lesson plan"), "pdf")
        name = f"{folder}/{plan_name}"
        entries.append((lazy_lesson_pdf(request, lesson, language), name, None))
        for material in lesson_materials.get(lesson.pk, []):
            add_material(material, folder)
    for material in kit_materials:
        add_material(material, file_name(_("Materials of the kit")))

    readme = [kit.title, kit.full_url or "", "", _("Contents:"), *(f"  {name}" for _d, name, _s in entries)]
    if left_out:
        readme += ["", _("Not included:"), *(f"  {line}" for line in left_out)]
    # PDFs, office files and pictures are compressed already: stored as they are, they stream at disk speed.
    archive = zipstream.ZipStream(compress_type=zipstream.ZIP_STORED)
    archive.add("\r\n".join(readme) + "\r\n", file_name(_("README"), "txt"), compress_type=zipstream.ZIP_DEFLATED)
    for data, name, size in entries:
        archive.add(data, name, size=size)
    best_effort("Download counts of a kit", DocumentDownload.record, served)

    response = StreamingHttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, file_name(kit.title, "zip"))
    return response
