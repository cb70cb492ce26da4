"""Russian (and English) word forms on the embedded backend: the analysis the SQLite index stores."""

import pytest

from search.analysis import analyse, stem


@pytest.mark.parametrize(
    ("text", "analysed"),
    [
        ("Сварщиком", "сварщик"),
        ("медсёстры", "медсестр"),  # ё read as е
        ("МЕДСЕСТРА", "медсестр"),
        ("колледжи Комсомольска", "колледж комсомольск"),
        ("урок для 8 класса", "урок 8 класс"),  # «для» is a stop word, numbers stay
        ("санитар-водитель", "санитар водител"),  # hyphenated words split
        ("человек–техника", "человек техник"),  # «человек» is not dropped (Klimov's types)
        ("IT-специалист", "it специалист"),
        ("engineering professions", "engin profess"),  # English stemmer for Latin words
        ("«» !!! ...", ""),
    ],
)
def test_analysis(text, analysed):
    assert analyse(text) == analysed


def test_inflected_forms_share_a_stem():
    assert len({stem(word) for word in ["колледж", "колледжи", "колледжей", "колледжам", "колледжах"]}) == 1
    assert stem("сварщиками") == stem("сварщик") != stem("сварка")


def test_english_pages_found_by_english_word_forms(client, site_tree):
    from wagtail.search.backends import get_search_backend

    from conftest import forget_indexed_pages
    from home.factories import ContentPageFactory

    forget_indexed_pages()
    _, home_en = site_tree
    ContentPageFactory(parent=home_en, title="Engineering professions of the krai", summary="Where engineers work.")
    get_search_backend().refresh_indexes()
    for query in ["profession", "engineer", "ENGINEERING"]:
        titles = [page.title for page in client.get("/en/search/", {"q": query}).context["results"]]
        assert titles == ["Engineering professions of the krai"], query
