"""The kits' inline rows (versions, adaptations, materials, game cards) are translated through wagtail-localize's
records with their kit: their texts are segments of the kit's translation source, a sync keeps their English, and
a changed Russian row waits for its translation."""

import pytest
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import RelatedObjectSegment, StringSegment, Translation, TranslationSource

from atlas.models import ProfessionPage
from methodics.models import MethodicalKitPage
from portal.localized_seed import plain

ROWS = ("versions", "adaptations", "materials", "game_cards")
GAME = "Работай в Хабаровском крае"


@pytest.fixture
def english(seeded_site, db):
    return Locale.objects.get(language_code="en")


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key, specific_content_type__isnull=False)


def row_texts(kit):
    """The texts of the kit's rows a visitor reads."""
    yield from (version.changes for version in kit.versions.all())
    yield from (adaptation.note for adaptation in kit.adaptations.all() if adaptation.note)
    yield from (material.description for material in kit.materials.all() if material.description)
    yield from (card.task for card in kit.game_cards.all() if card.task)


def sync(translation):
    """What the admin's «Sync translated pages» does: the source taken again from the original, the translation
    saved from it (published here: save_target publishes when the transaction commits, and the test's never
    does)."""
    translation.source.update_from_db()
    translation.save_target(publish=False)
    page = translation.get_target_instance()
    page.get_latest_revision().publish()
    return MethodicalKitPage.objects.get(pk=page.pk)


def english_rows(kit):
    return {relation: {row.translation_key: row for row in getattr(kit, relation).all()} for relation in ROWS}


def test_the_english_kits_rows_are_translations_of_the_russian_rows(english):
    kits = MethodicalKitPage.objects.filter(locale__language_code="ru")
    assert kits.count() == 7
    counts = dict.fromkeys(ROWS, 0)
    for russian in kits:
        translated = russian.get_translation(english)
        for relation in ROWS:
            originals = getattr(russian, relation).all()
            translations = getattr(translated, relation).all()
            assert {row.locale_id for row in translations} <= {english.pk}, (translated.url, relation)
            assert {row.locale_id for row in originals} <= {russian.locale_id}
            assert sorted(str(row.translation_key) for row in translations) == sorted(
                str(row.translation_key) for row in originals
            ), (translated.url, relation)
            counts[relation] += len(translations)
    assert all(counts.values()), counts  # every kind of row is seeded somewhere


def test_the_rows_texts_are_segments_of_the_kits_translation_source(english):
    for russian in MethodicalKitPage.objects.filter(locale__language_code="ru"):
        source = source_of(russian)
        strings = {plain(data) for (data,) in StringSegment.objects.filter(source=source).values_list("string__data")}
        assert set(row_texts(russian)) <= strings, russian.title
    game = MethodicalKitPage.objects.get(locale__language_code="ru", title=GAME)
    linked = RelatedObjectSegment.objects.filter(source=source_of(game), context__path__startswith="game_cards.")
    assert linked.count() == game.game_cards.count() > 0


def test_the_english_kit_shows_its_rows_in_english_and_its_cards_lead_to_english_cards(client, english):
    game = MethodicalKitPage.objects.get(locale__language_code="ru", title=GAME).get_translation(english)
    cards = list(game.game_cards.select_related("profession", "profession__locale"))
    assert cards and {card.profession.locale.language_code for card in cards} == {"en"}
    html = client.get(game.url).content.decode()
    for card in cards:
        assert f'href="{card.profession.url}"' in html and card.profession.url.startswith("/en/")
    assert all(escape(version.changes) in html for version in game.versions.all())
    adapted = (
        MethodicalKitPage.objects.filter(locale=english, adaptations__isnull=False, adapted_edition_of__isnull=False)
        .distinct()
        .first()
    )
    assert adapted is not None and adapted.adapted_edition_of.locale_id == english.pk
    html = client.get(adapted.url).content.decode()
    notes = [adaptation.note for adaptation in adapted.adaptations.all() if adaptation.note]
    assert notes and all(escape(note) in html for note in notes)


def test_syncing_the_translation_keeps_the_rows_english(english):
    russian = MethodicalKitPage.objects.get(locale__language_code="ru", title=GAME)
    before = english_rows(russian.get_translation(english))
    synced = sync(Translation.objects.get(source=source_of(russian), target_locale=english))
    after = english_rows(synced)
    assert {relation: set(rows) for relation, rows in after.items()} == {
        relation: set(rows) for relation, rows in before.items()
    }
    for relation in ROWS:
        for key, row in after[relation].items():
            assert row.locale_id == english.pk
            assert (row.pk, *row_values(row)) == (before[relation][key].pk, *row_values(before[relation][key]))


def row_values(row):
    return [getattr(row, name, None) for name in ("changes", "note", "description", "task", "profession_id")]


def test_a_changed_russian_row_waits_for_its_translation(english):
    russian = MethodicalKitPage.objects.get(locale__language_code="ru", title=GAME)
    translation = Translation.objects.get(source=source_of(russian), target_locale=english)
    assert translation.get_progress()[0] == translation.get_progress()[1]  # fully translated by the seed
    version = russian.versions.first()
    version.changes = "Добавлены карточки профессий судостроения."
    version.save()
    russian.save_revision().publish()
    synced = sync(translation)
    total, done = translation.get_progress()
    assert done == total - 1
    untranslated = StringSegment.objects.filter(source=translation.source).annotate_translation(english)
    assert [plain(s.string.data) for s in untranslated if s.translation is None] == [version.changes]
    # Until an editor translates it, the English kit shows the new text as it is; its other rows stay English.
    assert synced.versions.get(translation_key=version.translation_key).changes == version.changes
    others = [card.profession for card in synced.game_cards.select_related("profession")]
    assert others and all(isinstance(page, ProfessionPage) and page.locale_id == english.pk for page in others)


def test_the_translation_editor_opens_with_the_cards_links(admin_client, english):
    russian = MethodicalKitPage.objects.get(locale__language_code="ru", title=GAME)
    game = russian.get_translation(english)
    response = admin_client.get(f"/admin/pages/{game.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "related_object" in html  # the game cards' professions, each a link in the translation
