"""Editors translate pages with wagtail-localize in the admin, and visitors switch language."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.factories import ContentPageFactory, SectionPageFactory
from home.models import ContentPage


def test_editor_submits_a_page_for_english_translation(admin_client, site_tree):
    home, home_en = site_tree
    section = SectionPageFactory(parent=home, title="Родителям")
    page = ContentPageFactory(parent=section, title="Как выбрать колледж", summary="Пять простых шагов.")
    english = Locale.objects.get(language_code="en")

    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk], "include_subtree": ""},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=page.translation_key)
    translation = Translation.objects.get(source=source, target_locale=english)
    assert translation.enabled
    translated = ContentPage.objects.get(translation_key=page.translation_key, locale=english)
    # The parent section was copied into the English tree too, so the page has a place there.
    assert translated.get_parent().specific.locale == english
    assert translated.get_parent().get_parent().pk == home_en.pk
    # The strings to translate include the summary, ready for the translation editor.
    assert "Пять простых шагов." in source.stringsegment_set.values_list("string__data", flat=True)
    assert not StringTranslation.objects.filter(locale=english).exists()  # nothing machine-translated


def test_language_switch_on_a_translated_page(client, site_tree):
    home, _ = site_tree
    page = ContentPageFactory(parent=SectionPageFactory(parent=home, title="Раздел"), title="Документ")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Document"
    english.save_revision().publish()
    assert english.get_parent().live  # the parent section came along as a live alias
    html = client.get(page.url).content.decode()
    assert f'href="{english.url}" lang="en"' in html
    response = client.get(english.url)
    assert response.status_code == 200 and '<html lang="en">' in response.content.decode()
