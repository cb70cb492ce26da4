"""The monitoring's districts on the English site: English names where translated, Russian names marked
``lang="ru"`` where not (the fallback of ``portal.locales.localized`` and the ``content_lang`` filter)."""

import pytest
from wagtail.models import Locale


@pytest.fixture
def english_monitoring(monitoring):
    english = Locale.objects.get(language_code="en")
    index = monitoring["index"].copy_for_translation(english, copy_parents=True)
    index.save_revision().publish()
    vanino = monitoring["vanino"].copy_for_translation(english)
    vanino.name = "Vanino municipal district"
    vanino.save()
    return {**monitoring, "english_index": index.specific}


@pytest.mark.django_db
def test_the_english_district_list_falls_back_to_russian_names_marked_lang_ru(client, english_monitoring):
    response = client.get(english_monitoring["english_index"].url)
    assert response.status_code == 200
    html = response.content.decode()
    # Translated: the English name, in the page's language. Not translated: the Russian name, marked.
    assert '/raion/vaninskii/">Vanino municipal district</a>' in html
    assert '/raion/amurskii/" lang="ru">Амурский муниципальный район</a>' in html
    assert "Ванинский" not in html


@pytest.mark.django_db
def test_the_english_district_page_marks_an_untranslated_name(client, english_monitoring):
    index = english_monitoring["english_index"]
    untranslated = client.get(f"{index.url}raion/amurskii/").content.decode()
    assert '<h1 lang="ru">Амурский муниципальный район</h1>' in untranslated
    translated = client.get(f"{index.url}raion/vaninskii/").content.decode()
    assert "<h1>Vanino municipal district</h1>" in translated


@pytest.mark.django_db
def test_the_russian_district_list_is_unmarked(client, english_monitoring):
    html = client.get(english_monitoring["index"].url).content.decode()
    assert '/raion/vaninskii/">Ванинский муниципальный район</a>' in html
    assert '/raion/amurskii/">Амурский муниципальный район</a>' in html
