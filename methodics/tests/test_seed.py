"""The demo seed of the methodological section: what the issue asks of it, with real files."""

import hashlib
import io

import openpyxl
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model

from methodics.choices import GRADE_BANDS
from methodics.models import BestPracticePage, LessonPage, MethodicalKitPage
from portal.document_access import DocumentAccess


def test_seed_builds_kits_lessons_game_and_practices_with_real_handouts(rf, seeded_site, db):
    kits = MethodicalKitPage.objects.live().filter(locale__language_code="ru")
    assert kits.filter(kind="complex").count() >= 3 and kits.filter(kind="game").count() == 1
    adapted = kits.filter(adaptations__isnull=False, adapted_edition_of__isnull=False).distinct().get()
    assert adapted.adaptations.count() >= 4
    game = kits.get(kind="game")
    assert game.game_rules and len(game.game_roles) >= 4 and game.game_cards.count() >= 8

    lessons = list(LessonPage.objects.live())
    assert len(lessons) >= 10
    bands = {
        code
        for code, _l, low, high in GRADE_BANDS
        for lesson in lessons
        if lesson.grade_min <= high and lesson.grade_max >= low
    }
    assert {code for code, *_rest in GRADE_BANDS} == bands  # early guidance too: preschool and grades 1–4
    for lesson in lessons:
        assert sum(stage.value["minutes"] for stage in lesson.plan) == lesson.duration_minutes, lesson.title
        # A parents' meeting is about the child's choice; it names professions only where it discusses some.
        assert lesson.professions.exists() or lesson.format == "parents_meeting", lesson.title
        materials = list(lesson.materials.select_related("document"))
        assert materials, lesson.title
        for material in materials:
            with material.document.file.open("rb") as handle:
                data = handle.read()
            if material.document.file_extension == "xlsx":
                assert openpyxl.load_workbook(io.BytesIO(data)).active["A1"].value == material.document.title
            else:
                assert material.document.title in PdfReader(io.BytesIO(data)).pages[0].extract_text().replace("\n", " ")
    assert BestPracticePage.objects.live().count() >= 3

    access = DocumentAccess(rf.get("/"))
    private = [d for d in get_document_model().objects.all() if access.is_private(d)]
    assert len(private) == kits.count()  # one teachers' memo per kit, in the restricted collection

    documents = get_document_model().objects.count()
    call_command("load_seed", "--no-index", verbosity=0)
    assert get_document_model().objects.count() == documents and LessonPage.objects.count() == len(lessons)


def test_seeded_documents_carry_their_file_hash_as_etag(client, seeded_site, db):
    access = DocumentAccess(None)
    documents = list(get_document_model().objects.all())
    assert documents
    for document in documents:
        with document.file.open("rb") as handle:
            assert document.file_hash == hashlib.sha1(handle.read()).hexdigest(), document.title  # noqa: S324
    public = next(d for d in documents if not access.is_private(d))
    response = client.get(public.url)
    assert response.status_code == 200 and response["ETag"] == f'"{public.file_hash}"'
    assert client.get(public.url, HTTP_IF_NONE_MATCH=f'"{public.file_hash}"').status_code == 304


def test_the_seeded_inline_rows_keep_their_order(seeded_site, db):
    """The seed numbers each page's rows as it lists them: rows without a sort order come back in any order on
    PostgreSQL (a lesson's handouts swapped between its Russian and English pages)."""
    from methodics.models import GameCard, KitAdaptation, KitMaterial, KitVersion, LessonMaterial, PracticeMaterial

    for model in (GameCard, KitAdaptation, KitMaterial, KitVersion, LessonMaterial, PracticeMaterial):
        assert model.objects.exists() and not model.objects.filter(sort_order__isnull=True).exists(), model.__name__
    lesson = LessonPage.objects.live().filter(locale__language_code="ru", materials__isnull=False).distinct().first()
    ids = [material.pk for material in lesson.materials.all()]
    assert ids == sorted(ids)  # made in the order of content.json, so numbered in it
