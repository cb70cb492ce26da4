"""The methodological section in English: the index and the kits are wagtail-localize translations of the Russian
pages (editors see and update them in the admin), written in English through and through."""

import json
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from methodics.models import MethodicalKitPage, MethodicsIndexPage

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@pytest.fixture
def english(seeded_site, db):
    return Locale.objects.get(language_code="en")


def translation_of(page, locale):
    source = TranslationSource.objects.get(object_id=page.translation_key, specific_content_type__isnull=False)
    return Translation.objects.get(source=source, target_locale=locale)


def kit_texts(kit):
    """Every text of the kit's page a visitor reads, its inline rows' and blocks' included."""
    yield from (kit.title, kit.summary, kit.easy_read_summary, kit.purpose, kit.expected_results, kit.authors)
    yield from (version.changes for version in kit.versions.all())
    yield from (adaptation.note for adaptation in kit.adaptations.all())
    yield from (material.description for material in kit.materials.all())
    yield from (kit.game_rules, json.dumps(list(kit.game_roles.raw_data), ensure_ascii=False))
    yield from (card.task for card in kit.game_cards.all())


def test_the_index_and_every_kit_have_an_english_translation_record(english):
    russian = MethodicsIndexPage.objects.get(locale__language_code="ru")
    index = russian.get_translation(english)
    assert index.url == "/en/teaching-resources/"
    assert translation_of(russian, english).get_target_instance().pk == index.pk
    kits = MethodicalKitPage.objects.live().filter(locale__language_code="ru")
    assert kits.count() == 7
    for kit in kits:
        translated = kit.get_translation(english)
        assert translated.url.startswith("/en/teaching-resources/")
        assert translation_of(kit, english).get_target_instance().pk == translated.pk


def test_the_english_kits_are_english_through_and_through(english):
    kits = MethodicalKitPage.objects.live().filter(locale=english)
    assert kits.count() == 7
    russian_left = {kit.url: [text for text in kit_texts(kit) if CYRILLIC.search(str(text))] for kit in kits}
    assert {url: texts for url, texts in russian_left.items() if texts} == {}


def test_an_english_kit_and_the_index_render_in_english(client, english):
    index = client.get("/en/teaching-resources/")
    assert index.status_code == 200
    html = index.content.decode()
    assert "Teaching resources" in html and "Work in Khabarovsk Krai" in html
    game = MethodicalKitPage.objects.get(locale=english, title="Work in Khabarovsk Krai")
    assert game.url == "/en/teaching-resources/work-in-khabarovsk-krai/"
    page = client.get(game.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Once per game a team may take a “mentor’s hint”" in html
    assert "Careers adviser" in html
