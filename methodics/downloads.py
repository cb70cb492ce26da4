"""What teachers take away: a lesson plan as a tagged PDF, the profession cards of the game module, and a whole
kit as one ZIP archive. All three are built in the background after publishing (``portal.builds``) and served as
files; the kit's archive comes in two variants, for everyone and with the materials only signed-in teachers may
download."""

import hashlib
import re
from pathlib import PurePath

import zipstream
from django.db.models import Max
from django.utils.translation import gettext as _

from atlas.builds import REFERENCE_MODELS
from atlas.models import ProfessionPage
from portal.addresses import public_url
from portal.builds import Builder, Built, register
from portal.document_access import DocumentAccess, file_exists
from portal.pdf import pdf_bytes, qr_svg

from .models import LessonPage, MethodicalKitPage
from .models.kits import GAME_CARDS_PDF_KIND, KIT_ZIP_FULL_KIND, KIT_ZIP_KIND

UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(title, extension=""):
    """A file or folder name made from a title: Cyrillic kept, characters file systems refuse replaced."""
    name = UNSAFE_IN_NAMES.sub("-", title.replace(": ", " — ")).strip(" .-")[:80] or "file"
    return f"{name}.{extension}" if extension else name


def lesson_pdf_context(lesson):
    page_url = public_url(lesson)
    return {"page": lesson, "page_url": page_url, "qr": qr_svg(page_url), **lesson.lesson_context(None)}


def lesson_pdf(lesson):
    return pdf_bytes(None, "methodics/lesson_pdf.html", lesson_pdf_context(lesson), title=lesson.title)


def game_cards_pdf(kit):
    cards = list(kit.game_cards.select_related("profession", "profession__sector"))
    context = {"page": kit, "cards": cards, "roles": [role.value for role in kit.game_roles]}
    title = _("Cards of the game «%(title)s»") % {"title": kit.title}
    return pdf_bytes(None, "methodics/game_cards_pdf.html", context, title=title)


def game_cards_version(kit):
    """The kit's revision and the last time one of its cards' professions was published."""
    ids = kit.game_cards.values_list("profession_id", flat=True)
    latest = ProfessionPage.objects.filter(pk__in=ids).aggregate(latest=Max("last_published_at"))["latest"]
    return f"{kit.live_revision_id or 0}-{latest.timestamp() if latest else 0:.0f}"


def kit_version(kit):
    """The revisions of the kit and its lessons and the files of their materials."""
    lessons, lesson_materials, kit_materials = kit.contents()
    materials = [m for ms in lesson_materials.values() for m in ms] + kit_materials
    parts = [kit.live_revision_id, *(lesson.live_revision_id for lesson in lessons)]
    parts += sorted((m.document_id, m.document.file.name, m.document.file_hash) for m in materials)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def kit_archive(kit, *, with_private):
    """For each lesson in order a folder with its plan as PDF and its materials, then the kit's own materials,
    and a «read me» listing the contents and anything left out (private materials in the archive for everyone,
    files missing on disk). Streamed into the file, so memory does not grow with the archive."""
    lessons, lesson_materials, kit_materials = kit.contents()
    access = DocumentAccess(None)
    entries, left_out, served = [], [], []  # entries: (data, name in the archive, size if known)

    def add_material(material, folder):
        document = material.document
        if not with_private and not access.allows(document):
            left_out.append(_("%(title)s — for signed-in teachers") % {"title": document.title})
        elif not file_exists(document):
            left_out.append(_("%(title)s — the file is temporarily unavailable") % {"title": document.title})
        else:
            extension = PurePath(document.file.name).suffix.lstrip(".")
            name = f"{folder}/{file_name(document.title, extension)}"
            entries.append((document_chunks(document), name, document.file.size))
            served.append(document.pk)

    for number, lesson in enumerate(lessons, start=1):
        folder = f"{number:02d} {file_name(lesson.title)}"
        plan_name = file_name(_("Lesson plan"), "pdf")
        entries.append((lazy(lesson_pdf, lesson), f"{folder}/{plan_name}", None))
        for material in lesson_materials.get(lesson.pk, []):
            add_material(material, folder)
    for material in kit_materials:
        add_material(material, file_name(_("Materials of the kit")))

    readme = [kit.title, public_url(kit) or "", "", _("Contents:"), *(f"  {name}" for _d, name, _s in entries)]
    if left_out:
        readme += ["", _("Not included:"), *(f"  {line}" for line in left_out)]
    # PDFs, office files and pictures are compressed already: stored as they are, they stream at disk speed.
    archive = zipstream.ZipStream(compress_type=zipstream.ZIP_STORED)
    archive.add("\r\n".join(readme) + "\r\n", file_name(_("README"), "txt"), compress_type=zipstream.ZIP_DEFLATED)
    for data, name, size in entries:
        archive.add(data, name, size=size)
    return Built(archive, documents=served)


def lazy(make, *args):
    """The file made only when the archive reaches it (one PDF in memory at a time)."""
    yield make(*args)


def document_chunks(document):
    with document.file.open("rb") as handle:
        yield from handle.chunks()


LESSON_PDF = register(
    Builder(
        kind="lesson-pdf",
        build=lesson_pdf,
        filename=lambda lesson: file_name(lesson.title, "pdf"),
        applies_to=(LessonPage,),
        label="PDF",
    )
)
GAME_CARDS_PDF = register(
    Builder(
        kind=GAME_CARDS_PDF_KIND,
        build=game_cards_pdf,
        filename=lambda kit: file_name(_("Game cards") + " " + kit.title, "pdf"),
        version=game_cards_version,
        depends_on=REFERENCE_MODELS,
        label="PDF",
    )
)
KIT_ZIP_OPTIONS = {
    "filename": lambda kit: file_name(kit.title, "zip"),
    "content_type": "application/zip",
    "version": kit_version,
    "applies_to": (MethodicalKitPage,),
    "affected": lambda page: [page.kit()] if isinstance(page, LessonPage) and page.kit() else [],
    "attachment": True,
    "label": "ZIP",
}
KIT_ZIP = register(
    Builder(kind=KIT_ZIP_KIND, build=lambda kit: kit_archive(kit, with_private=False), **KIT_ZIP_OPTIONS)
)
# Built when a teacher first asks for it, not on publishing: most kits have no private materials, and for them
# this variant is never served.
KIT_ZIP_FULL = register(
    Builder(
        kind=KIT_ZIP_FULL_KIND,
        build=lambda kit: kit_archive(kit, with_private=True),
        **{**KIT_ZIP_OPTIONS, "applies_to": (), "affected": lambda page: ()},
    )
)
