"""Every kind of PDF the portal generates passes veraPDF, the PDF Association's reference validator, as PDF/UA-1.

One document of each kind is made from the seeded site in one fixture and veraPDF runs once over all of them (one
JVM start: CI time matters); the tests then read its report, one per kind, and fail with veraPDF's rule numbers and
descriptions. Locally they skip when veraPDF or Java is missing; under ``CI`` they fail (``.ci/run`` fetches veraPDF
and sets ``VERAPDF``: see ``.ci/verapdf/``). The bookmarks (PDF outlines) of the long documents are read back with
pypdf without veraPDF.
"""

import io
import os
import time
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from portal import verapdf

pytestmark = [pytest.mark.verapdf, pytest.mark.django_db]

ROUTE_BASE = "/konstruktor-karery/"


def library_pdf(collection_name):
    """A PDF of the documents library's collection ``collection_name`` (the seed generates them)."""
    from wagtail.documents import get_document_model

    document = (
        get_document_model()
        .objects.filter(collection__name=collection_name, file__endswith=".pdf")
        .order_by("pk")
        .first()
    )
    assert document is not None, f"no PDF in the collection «{collection_name}»"
    with document.file.open("rb") as stored:
        return stored.read()


def route_pdf():
    """The career builder's route of a student, as the student downloads it."""
    from django.test import Client

    from atlas.models import ProfessionPage
    from career.tests.conftest import answers_for, send_second_step

    client = Client()
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9}
    results = send_second_step(client, data)
    assert results.status_code == 302, results.content.decode()[:2000]
    token = parse_qs(urlparse(results["Location"]).query)["t"][0]
    profession = ProfessionPage.objects.live().filter(locale__language_code=_default_language()).first()
    built = client.post(ROUTE_BASE + "marshrut/", {"t": token, "profession": profession.pk})
    assert built.status_code == 302, built.content.decode()[:2000]
    response = client.get(built["Location"].replace("/marshrut/?", "/marshrut/pdf/?"))
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _default_language():
    from portal import locales

    return locales.default_language()


def resume_pdfs():
    """A seeded student's résumé (as an employer reads it) and the export of everything the portal keeps on them."""
    from django.utils.translation import gettext as _

    from portal.pdf import pdf_bytes
    from resumes import export
    from resumes.models import Resume
    from resumes.views import resume_context

    resume = Resume.objects.select_related("district", "student").order_by("pk").first()
    assert resume is not None, "the seed has no résumé"
    student = resume.student
    title = _("Résumé: %(name)s") % {"name": student.full_name}
    yield "résumé", pdf_bytes(None, "resumes/resume_pdf.html", resume_context(resume, contacts=True), title=title)
    title = _("What the portal keeps about %(name)s") % {"name": student.full_name}
    context = export.pdf_context(export.everything(student))
    yield "personal data export", pdf_bytes(None, "resumes/export_pdf.html", context, title=title)


def booklet_edition():
    """The earliest Profnavigator edition: the same template as the current one, on fewer pages (92 against 205 in
    the seed: the booklet is most of veraPDF's time)."""
    from navigator.models import ProfnavigatorEditionPage

    editions = ProfnavigatorEditionPage.objects.live().filter(locale__language_code=_default_language())
    return editions.order_by("year").first()


def generated_documents():
    """(kind, PDF bytes) for every kind of PDF the portal makes."""
    from atlas.builds import card_pdf
    from atlas.models import ProfessionPage
    from competitions.seed import RULES_COLLECTION
    from courses.seed import PROGRAMMES_COLLECTION
    from methodics.downloads import game_cards_pdf, lesson_pdf
    from methodics.models import LessonPage, MethodicalKitPage
    from monitoring.builds import report_pdf
    from monitoring.models import MonitoringReportPage
    from navigator.builds import booklet_pdf
    from parents.seed import MATERIALS_COLLECTION

    language = _default_language()
    yield "profession card", card_pdf(ProfessionPage.objects.live().filter(locale__language_code=language).first())
    yield "Profnavigator booklet", booklet_pdf(booklet_edition())
    yield "lesson plan", lesson_pdf(LessonPage.objects.live().filter(locale__language_code=language).first())
    kit = MethodicalKitPage.objects.live().filter(game_cards__isnull=False, locale__language_code=language).first()
    yield "game cards", game_cards_pdf(kit)
    yield "handout", library_pdf("Методические материалы")
    yield "monitoring report", report_pdf(MonitoringReportPage.objects.live().order_by("pk").first())
    yield "career route", route_pdf()
    yield from resume_pdfs()
    yield "parents' memo", library_pdf(MATERIALS_COLLECTION)
    yield "competition rules", library_pdf(RULES_COLLECTION)
    yield "course programme", library_pdf(PROGRAMMES_COLLECTION)


KINDS = [
    "profession card",
    "Profnavigator booklet",
    "lesson plan",
    "game cards",
    "handout",
    "monitoring report",
    "career route",
    "résumé",
    "personal data export",
    "parents' memo",
    "competition rules",
    "course programme",
]


@pytest.fixture(scope="module")
def documents(seeded_site, django_db_blocker, tmp_path_factory):
    """{kind: path of its PDF}, made once for the module; what making them writes (the route's counts) is undone."""
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    connections[DEFAULT_DB_ALIAS] = seeded_site
    folder = tmp_path_factory.mktemp("verapdf")
    paths = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for kind, content in generated_documents():
            path = folder / f"{len(paths):02d}-{kind.replace(' ', '-').replace(chr(39), '')}.pdf"
            path.write_bytes(content)
            paths[kind] = path
        transaction.set_rollback(True)
    return paths


@pytest.fixture(scope="module")
def report(request):
    """veraPDF's results by kind: one run over all the documents (made only once veraPDF is known to be there)."""
    try:
        verapdf.launcher()
    except verapdf.Unavailable as missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; CI must run this test", pytrace=False)
        pytest.skip(str(missing))
    documents = request.getfixturevalue("documents")
    started = time.monotonic()
    results = verapdf.validate(documents.values())
    seconds = time.monotonic() - started
    print(f"veraPDF validated {len(documents)} documents in {seconds:.1f} s")  # shown with -s
    return {kind: results[str(path)] for kind, path in documents.items()}


def test_every_kind_of_generated_pdf_is_made(documents, seeded_site):
    assert list(documents) == KINDS
    for kind, path in documents.items():
        assert path.read_bytes().startswith(b"%PDF-"), kind


@pytest.mark.parametrize("kind", KINDS)
def test_the_document_is_pdf_ua_1_for_verapdf(report, kind, seeded_site):
    result = report[kind]
    assert result.compliant, f"{kind} fails PDF/UA-1 (veraPDF):\n{result.summary()}"


def outline(path):
    """The PDF's bookmarks as (level, title), depth first."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, item.title

    return list(walk(reader.outline, 1))


def test_the_booklet_bookmarks_its_sections_and_every_card_under_its_section(documents, seeded_site):
    edition = booklet_edition()
    marks = outline(documents["Profnavigator booklet"])
    expected = [(1, edition.title), (2, marks[1][1])]  # the contents
    for section, professions in edition.section_list():
        expected.append((2, section["title"]))
        expected += [(3, profession.title) for profession in professions]
    assert len(expected) > 20
    assert marks == expected  # not the headings inside a card


def test_the_report_bookmarks_its_indicators(documents, seeded_site):
    from monitoring.models import MonitoringReportPage

    report_page = MonitoringReportPage.objects.live().order_by("pk").first()
    marks = outline(documents["monitoring report"])
    assert marks[0] == (1, report_page.title)
    numbers = [section["figures"].indicator.number for section in report_page.report_context()["sections"]]
    indicators = [title for level, title in marks if level == 2 and title.split(".")[0].isdigit()]
    assert numbers and [int(title.split(".")[0]) for title in indicators] == [int(n) for n in numbers]
    assert all(level <= 2 for level, _title in marks)  # not each indicator's «Trend»


def test_the_game_cards_bookmark_the_two_kinds_of_cards(documents, seeded_site):
    marks = outline(documents["game cards"])
    assert [level for level, _title in marks] == [1, 2, 2]
    with translation.override(_default_language()):
        assert [title for _level, title in marks][1:] == [gettext("Profession cards"), gettext("Role cards")]
