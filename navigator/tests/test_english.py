"""The guides in English: seeded as wagtail-localize translations of the Russian ones, showing the English atlas."""

import html

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from navigator.models import ApplicantHandbookPage, EqualOpportunitiesPage, NavigatorIndexPage, ProfnavigatorEditionPage


def english():
    return Locale.objects.get(language_code="en")


def test_the_guides_are_translated_through_wagtail_localize(seeded_site, db):
    for model in (NavigatorIndexPage, ProfnavigatorEditionPage, EqualOpportunitiesPage, ApplicantHandbookPage):
        for original in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
            source = TranslationSource.objects.get(object_id=original.translation_key, locale=original.locale)
            translation = Translation.objects.get(source=source, target_locale=english())
            total, done = translation.get_progress()
            assert total == done > 0, original
            assert translation.get_target_instance().live


def test_the_english_edition_lists_english_cards_under_english_sectors(seeded_site, db, client):
    edition = ProfnavigatorEditionPage.objects.get(locale=english(), year=2026)
    assert edition.title == "Profnavigator 2026" and edition.url.startswith("/en/")
    response = client.get(edition.url)
    assert response.status_code == 200
    sections = response.context["sections"]
    assert sections and all(page.locale_id == edition.locale_id for _value, pages in sections for page in pages)
    titles = {value["title"] for value, _pages in sections}
    assert "Shipbuilding and ship repair" in titles and all(
        value["sector"].locale_id == edition.locale_id for value, _ in sections
    )
    assert "Welder" in html.unescape(response.content.decode())


def test_the_english_handbook_and_equal_opportunities_show_english_rows(seeded_site, db, client):
    handbook = ApplicantHandbookPage.objects.get(locale=english())
    response = client.get(handbook.url)
    assert response.status_code == 200
    organisations = list(response.context["organisations"])
    assert organisations and all(o.locale_id == handbook.locale_id for o in organisations)
    universities = client.get(handbook.url, {"level": "vo"})
    assert "Pacific National University" in html.unescape(universities.content.decode())
    welders = client.get(handbook.url, {"profession": "weld"}).context["organisations"]
    assert "Komsomolsk-on-Amur Marine Engineering Technical School" in [o.name for o in welders]

    equal = EqualOpportunitiesPage.objects.get(locale=english())
    response = client.get(equal.url, {"category": "deaf"})
    assert response.status_code == 200
    pages = [row.page for row in response.context["results"]]
    assert pages and all(page.locale_id == equal.locale_id for page in pages)
    assert any(row.note.startswith("Possible") for row in response.context["results"])
