"""The English atlas: seeded as wagtail-localize translations of the Russian one, browsed and filtered at
/en/atlas/, and found by the English search."""

import html
import json

import pytest
from django.conf import settings
from django.utils import translation as django_translation
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from atlas.models import AtlasIndexPage, EducationalOrganization, Employer, MunicipalDistrict, ProfessionPage, Sector
from atlas.seed import Seeder

ENGLISH_CARDS = json.loads((settings.BASE_DIR / "media_seed/atlas/professions.en.json").read_text(encoding="utf-8"))
RUSSIAN_CARDS = {
    card["name_ru"]: card
    for card in json.loads((settings.BASE_DIR / "media_seed/atlas/professions.json").read_text(encoding="utf-8"))
}


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def status(translation):
    """The translation's status as the admin shows it, in English."""
    with django_translation.override("en"):
        return str(translation.get_status_display())


def translation_of(instance, locale):
    source = TranslationSource.objects.get(object_id=instance.translation_key, locale=instance.locale)
    return Translation.objects.get(source=source, target_locale=locale)


def test_english_texts_match_the_russian_cards_item_for_item():
    for name, english in ENGLISH_CARDS.items():
        russian = RUSSIAN_CARDS[name]
        for field in ("duties", "hard_skills", "soft_skills", "qualities", "contraindications", "easy_read"):
            assert len(english[field]) == len(russian[f"{field}_ru"]), (name, field)
        for field in ("name", "outlook", "day", "conditions"):
            assert english[field].strip() and not any("а" <= c <= "я" for c in english[field].lower()), (name, field)
        assert set(english["suitability"]) == {row["category"] for row in russian["disability_suitability"]}, name


@pytest.mark.parametrize("model", [Sector, MunicipalDistrict, Employer, EducationalOrganization, ProfessionPage])
def test_seeded_english_content_is_made_of_wagtail_localize_translations(seeded_site, db, english, model):
    originals = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if model is ProfessionPage:
        originals = originals.filter(title__in=ENGLISH_CARDS)
        assert originals.count() == len(ENGLISH_CARDS)
    assert originals.exists()
    for original in originals:
        translation = translation_of(original, english)
        translated = translation.get_target_instance()
        assert translated.locale == english and translated.translation_key == original.translation_key
        total, done = translation.get_progress()
        assert total == done > 0, original
        assert status(translation) == "Up to date"


def test_english_card_reads_in_english_and_links_english_rows(seeded_site, db, client, english):
    welder = ProfessionPage.objects.get(locale=english, title="Welder")
    assert welder.live and welder.slug == "welder"
    assert welder.url == "/en/atlas/welder/"
    assert welder.summary == RUSSIAN_CARDS["Сварщик"]["summary_en"]
    assert welder.duties_list == ENGLISH_CARDS["Сварщик"]["duties"]
    assert welder.sector.name == "Shipbuilding and ship repair" and welder.sector.locale == english
    for field in ("districts", "employers", "organisations"):
        rows = list(getattr(welder, field).all())
        assert rows and all(row.locale_id == english.pk for row in rows), field
    notes = {row.category: row.note for row in welder.suitability.all()}
    assert notes == ENGLISH_CARDS["Сварщик"]["suitability"]
    text = html.unescape(client.get(welder.url).content.decode())
    assert "Amur Shipbuilding Plant (USC)" in text and ENGLISH_CARDS["Сварщик"]["day"] in text
    assert ENGLISH_CARDS["Сварщик"]["suitability"]["hearing"] in text


def test_a_changed_russian_card_shows_its_english_translation_waiting(seeded_site, db, english):
    welder = ProfessionPage.objects.get(locale__language_code=settings.LANGUAGE_CODE, title="Сварщик")
    translation = translation_of(welder, english)
    assert status(translation) == "Up to date"
    welder.summary = "Соединяет металл так, что шов держит корпус судна в шторм."
    welder.save_revision().publish()
    # What the admin's «Sync translated pages» does with the changed original.
    TranslationSource.update_or_create_from_instance(welder)
    total, done = translation.get_progress()
    assert done == total - 1
    assert status(translation) == "Waiting for translations"


def test_the_seed_again_creates_nothing_and_keeps_an_editors_english(seeded_site, db, english):
    welder = ProfessionPage.objects.get(locale=english, title="Welder")
    summary = StringTranslation.objects.get(
        locale=english, data=RUSSIAN_CARDS["Сварщик"]["summary_en"], context__object_id=welder.translation_key
    )
    summary.data = "Joins metal so that the seam holds a ship's hull in a storm."
    summary.save()
    sources, translations = TranslationSource.objects.count(), Translation.objects.count()

    assert Seeder(log=lambda *args: None).run() == 0

    assert (TranslationSource.objects.count(), Translation.objects.count()) == (sources, translations)
    summary.refresh_from_db()
    assert summary.data == "Joins metal so that the seam holds a ship's hull in a storm."


def english_titles(client, url, **params):
    """The titles the atlas lists for ``params``, on every page of results."""
    titles, number = set(), 1
    while True:
        response = client.get(url, {**params, "page": number})
        assert response.status_code == 200
        professions = response.context["professions"]
        titles |= {page.title for page in professions}
        if not professions.has_next():
            return titles
        number += 1


def test_english_atlas_lists_english_cards_and_its_filters_narrow_them(seeded_site, db, client, english):
    atlas = AtlasIndexPage.objects.get(locale=english)
    assert atlas.url == "/en/atlas/"
    everything = english_titles(client, "/en/atlas/")
    assert everything == set(ProfessionPage.objects.live().filter(locale=english).values_list("title", flat=True))
    assert {"Welder", "Aircraft assembly fitter"} <= everything
    shipbuilding = Sector.objects.get(locale=english, name="Shipbuilding and ship repair")
    assert english_titles(client, "/en/atlas/", sector=shipbuilding.slug) == set(
        ProfessionPage.objects.live().filter(locale=english, sector=shipbuilding).values_list("title", flat=True)
    )
    assert "Welder" in english_titles(client, "/en/atlas/", sector=shipbuilding.slug)
    assert "Aircraft assembly fitter" not in english_titles(client, "/en/atlas/", sector=shipbuilding.slug)
    assert english_titles(client, "/en/atlas/", q="weld") == {"Welder"}
    page = client.get("/en/atlas/").content.decode()
    assert f'<option value="{shipbuilding.slug}">Shipbuilding and ship repair</option>' in page
    komsomolsk = MunicipalDistrict.objects.get(locale=english, name="Komsomolsk-on-Amur City Okrug")
    in_komsomolsk = english_titles(client, "/en/atlas/", district=komsomolsk.slug, level="spo")
    assert "Aircraft assembly fitter" in in_komsomolsk and in_komsomolsk < everything
    sector_page = client.get(f"/en/atlas/otrasli/{shipbuilding.slug}/")
    assert sector_page.status_code == 200 and "Welder" in sector_page.content.decode()


def test_english_search_finds_a_card_by_an_english_word_form(seeded_site, db, client):
    get_search_backend().refresh_indexes()
    response = client.get("/en/search/", {"q": "welders"})
    titles = [page.title for page in response.context["results"]]
    assert "Welder" in titles and "Сварщик" not in titles


def test_english_atlas_pages_cost_as_many_queries_with_more_translated_cards(
    seeded_site, db, client, english, django_capture_on_commit_callbacks
):
    from atlas.english import in_locale
    from atlas.factories import ProfessionPageFactory
    from portal.localized_seed import translate
    from portal.tests.helpers import assert_few_constant_queries, queries_for

    welder = ProfessionPage.objects.get(locale=english, title="Welder")
    original = ProfessionPage.objects.get(
        translation_key=welder.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    sector = welder.sector
    urls = [
        "/en/atlas/",
        f"/en/atlas/?sector={sector.slug}&level=spo&demand=high",
        welder.url,
        f"/en/atlas/otrasli/{sector.slug}/",
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(5):
                card = ProfessionPageFactory(
                    parent=original.get_parent(), title=f"Сварщик {number}", sector=original.sector
                )
                card.districts.set(original.districts.all())
                card.employers.set(original.employers.all())
                card.save_revision().publish()
                translated, _created = translate(card, english, {card.title: f"Welder {number}"})
                translated.districts.set(in_locale(card.districts.all(), english))
                translated.employers.set(in_locale(card.employers.all(), english))
                translated.save_revision().publish()
            original.related_professions.add(card)
            original.save_revision().publish()

    # The card gathers other apps' sections (opportunities, vacancies): it may cost what the Russian card costs, and
    # one query more for its school subjects in English (atlas/tests/test_school_subjects.py).
    assert_few_constant_queries(client, urls, grow, most={welder.url: queries_for(client, original.url) + 1})


def test_editors_open_the_english_card_and_sector_in_the_translation_editor(seeded_site, db, admin_client, english):
    welder = ProfessionPage.objects.get(locale=english, title="Welder")
    response = admin_client.get(f"/admin/pages/{welder.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert "Welder" in response.content.decode()
    sector = Sector.objects.get(locale=english, name="Shipbuilding and ship repair")
    response = admin_client.get(f"/admin/snippets/atlas/sector/edit/{sector.pk}/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
