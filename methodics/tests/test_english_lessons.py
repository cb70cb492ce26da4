"""The lessons in English: each file of media_seed/methodics/lessons.en/ is the English of the Russian lesson it is
named after, seeded as a wagtail-localize translation under the English kit. Their handouts stay Russian documents,
marked as such on the English pages."""

import json
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from methodics.models import LessonPage, MethodicalKitPage
from methodics.seed import CONTENT, LESSON_STAGE_TEXTS, LESSONS_ENGLISH, Seeder
from portal.slugs import slug_for
from portal.tests.helpers import MAX_PAGE_QUERIES, queries_for

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
STRAIGHT_QUOTES = re.compile(r"['\"]")
RUSSIAN_LESSONS = {
    lesson["slug"]: lesson
    for kit in json.loads(CONTENT.read_text(encoding="utf-8"))["kits"]
    for lesson in kit["lessons"]
}
FILES = sorted(LESSONS_ENGLISH.glob("*.json"))
KEYS = {"title", "summary", "goals", "equipment", "plan", "assessment"}


def strings(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)
    else:
        yield data


def test_the_first_two_kits_have_their_english_files():
    names = {path.stem for path in FILES}
    assert {
        "khochu-mogu-nado",
        "rynok-truda-khabarovskogo-kraia",
        "moi-obrazovatelnyi-marshrut",
        "professii-zdorovia",
        "proba-sestrinskoe-delo",
        "pedagogicheskaia-proba-ia-obiasniaiu",
    } <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_every_english_lesson_file_has_the_shape_of_its_russian_lesson(path):
    assert path.stem in RUSSIAN_LESSONS, "named after no Russian lesson of content.json"
    russian, english = RUSSIAN_LESSONS[path.stem], json.loads(path.read_text(encoding="utf-8"))
    assert set(english) == KEYS
    for key in ("goals", "equipment"):
        assert len(english[key]) == len(russian[key]), key
    assert len(english["plan"]) == len(russian["plan"])
    translations = {}
    for stage, stage_english in zip(russian["plan"], english["plan"], strict=True):
        assert set(stage_english) == set(LESSON_STAGE_TEXTS)
        for key in LESSON_STAGE_TEXTS:
            assert bool(stage[key]) == bool(stage_english[key]), (stage["stage"], key)  # empty stays empty
            # The seed translates a text wherever it occurs: the same Russian text has one English.
            assert translations.setdefault(stage[key], stage_english[key]) == stage_english[key], stage[key]
    texts = list(strings(english))
    assert all(isinstance(text, str) and text.strip() == text for text in texts)
    assert all(text for text in texts if text not in {s["materials"] for s in english["plan"]})
    assert [text for text in texts if CYRILLIC.search(text)] == []
    assert [text for text in texts if STRAIGHT_QUOTES.search(text)] == []  # ’ and “ ”, as on the whole English site
    assert [text for text in texts if "\n" in text] == []  # goals and equipment are seeded a line per item


@pytest.fixture
def english(seeded_site, db):
    return Locale.objects.get(language_code="en")


def translated_lessons():
    """(Russian lesson page, its English data) for every lesson with an English file."""
    english = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in FILES}
    pages = LessonPage.objects.filter(locale__language_code="ru", slug__in=english).order_by("path")
    return [(page, english[page.slug]) for page in pages]


def test_each_translated_lesson_is_a_wagtail_localize_translation(english):
    lessons = translated_lessons()
    assert len(lessons) == len(FILES)
    for russian, data in lessons:
        source = TranslationSource.objects.get(object_id=russian.translation_key, specific_content_type__isnull=False)
        translation = Translation.objects.get(source=source, target_locale=english)
        page = russian.get_translation(english).specific
        assert translation.get_target_instance().pk == page.pk and page.live
        assert page.title == data["title"] and page.goal_list() == data["goals"]
        assert page.equipment_list() == data["equipment"]
        assert [stage.value["stage"] for stage in page.plan] == [stage["stage"] for stage in data["plan"]]
        assert [stage.value["minutes"] for stage in page.plan] == [stage.value["minutes"] for stage in russian.plan]
        assert page.get_parent().pk == russian.get_parent().get_translation(english).pk
        assert page.slug == slug_for(data["title"])
        total, translated = translation.get_progress()  # every string translated: nothing waits in the admin
        assert total and translated == total, russian.slug
        # The atlas professions are the English cards; the handouts the same Russian documents.
        assert {p.locale_id for p in page.professions.all()} <= {english.pk}  # two parents' meetings name none
        assert [p.translation_key for p in page.professions.all()] == [
            p.translation_key for p in russian.professions.all()
        ]
        assert [m.document_id for m in page.materials.all()] == [m.document_id for m in russian.materials.all()]


def test_a_lesson_without_an_english_file_stays_untranslated(english):
    missing = [slug for slug in RUSSIAN_LESSONS if not (LESSONS_ENGLISH / f"{slug}.json").exists()]
    for page in LessonPage.objects.filter(locale__language_code="ru", slug__in=missing):
        assert not page.has_translation(english)


def test_the_english_lesson_page_is_in_english_with_russian_handouts_marked(client, english):
    russian = LessonPage.objects.get(locale__language_code="ru", slug="khochu-mogu-nado")
    page = russian.get_translation(english)
    assert page.url == (
        "/en/teaching-resources/profivokh-choosing-a-career-path/i-want-i-can-it-is-needed-where-choosing-a-career-begins/"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>I want, I can, it is needed: where choosing a career begins</h1>" in html
    assert "Encourage students to make a considered choice rather than a chance one." in html
    assert '<th scope="row">Group work: mistakes in choosing</th>' in html
    assert "The teacher looks through the worksheets" in html
    assert "These documents are in Russian." in html and "{#" not in html and "#}" not in html
    for material in russian.materials.select_related("document"):
        assert f'<a href="{material.document.url}" lang="ru">{material.document.title}</a>' in html
    professions = response.context["professions"]
    assert len(professions) == russian.professions.count()
    for profession in professions:  # the English atlas cards
        assert profession.locale_id == english.pk and f'<a href="{profession.url}">{profession.title}</a>' in html
    assert "ProfiVOKh: choosing a career path" in html


def test_the_russian_lesson_page_does_not_mark_its_handouts(client, english):
    page = LessonPage.objects.get(locale__language_code="ru", slug="khochu-mogu-nado")
    html = client.get(page.url).content.decode()
    assert "Эти документы — на русском языке." not in html and "These documents are in Russian." not in html
    for material in page.materials.select_related("document"):
        assert f'<a href="{material.document.url}">{material.document.title}</a>' in html


def test_the_english_kit_lists_its_translated_lessons(client, english):
    for russian_kit_slug, count in (
        ("profivokh-professionalnoe-samoopredelenie", 3),
        ("profivokh-meditsinskii-i-pedagogicheskii-profili", 3),
    ):
        kit = MethodicalKitPage.objects.get(locale__language_code="ru", slug=russian_kit_slug).get_translation(english)
        html = client.get(kit.url).content.decode()
        titles = [lesson.title for lesson in LessonPage.objects.child_of(kit).order_by("path")]
        assert len(titles) == count
        assert all(f">{title}</a>" in html for title in titles)
        assert "No lessons have been published in this kit yet." not in html
        assert 'lang="ru">Для педагога: цели и оценка занятий' in html  # the kit's own Russian memo


def test_seeding_again_changes_nothing(english):
    pages = {page.pk: page.latest_revision_id for page in LessonPage.objects.filter(locale=english)}
    strings_count = StringTranslation.objects.count()
    translations = Translation.objects.count()
    assert Seeder(log=lambda *args: None).run() == 0
    assert {page.pk: page.latest_revision_id for page in LessonPage.objects.filter(locale=english)} == pages
    assert StringTranslation.objects.count() == strings_count and Translation.objects.count() == translations


def test_the_english_lesson_kit_and_index_cost_few_queries(client, english):
    lesson = LessonPage.objects.get(locale__language_code="ru", slug="khochu-mogu-nado").get_translation(english)
    kit = lesson.get_parent()
    urls = [lesson.url, kit.url, kit.get_parent().url, kit.get_parent().url + "?audience=8-9&profile=general"]
    counts = {url: queries_for(client, url) for url in urls}
    assert max(counts.values()) <= MAX_PAGE_QUERIES, counts
