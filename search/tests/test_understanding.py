"""What a query asks for: filler words never required, the pages with most of the words after those with all of
them, the everyday names of professions, and a zero-results page that helps. On whichever backend the pass uses."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.backends import get_search_backend

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory, SectorFactory
from conftest import forget_indexed_pages
from home.factories import ContentPageFactory
from search.models import FillerWord
from search.understanding import meaningful_words, most_words, required_count


@pytest.fixture
def pages(site_tree, django_capture_on_commit_callbacks):
    home, _ = site_tree
    forget_indexed_pages()
    with django_capture_on_commit_callbacks(execute=True):  # the filler words are cached until a change commits
        for word in ("учиться", "профессия", "сколько"):
            FillerWord.objects.create(word=word)
    atlas = AtlasIndexPageFactory(parent=home)
    SectorFactory(name="Судостроение")
    found = {
        "both": ContentPageFactory(parent=home, title="Сварщик на судоверфи", summary="Зарплата сварщика на верфи."),
        "welder": ProfessionPageFactory(parent=atlas, title="Сварщик", also_called=[("item", "сварной")]),
        "cook": ProfessionPageFactory(parent=atlas, title="Повар", summary="Готовит блюда."),
        "other": ContentPageFactory(parent=home, title="Новости края", summary="Ярмарка вакансий."),
    }
    SearchPromotion.objects.create(query=Query.get("атлас"), page=atlas, description="Атлас профессий")
    get_search_backend().refresh_indexes()
    return found


def titles(response):
    return [page.title for page in response.context["results"]]


def test_meaningful_words_and_the_share_of_them_required(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        FillerWord.objects.create(word="учиться")
    assert meaningful_words("Где УЧИТЬСЯ на повара?") == ["повара"]  # «где», «на»: function words; «учиться»: filler
    assert meaningful_words("учиться") == ["учиться"]  # every word filler: they are what is looked for
    assert meaningful_words("и для на") == []
    assert [required_count(n) for n in (1, 2, 3, 4, 5, 6)] == [1, 1, 2, 3, 3, 4]
    assert most_words("повара") is None
    assert len(most_words("сварщик верфь зарплата").subqueries) == 3  # any two of the three words


def test_filler_words_are_not_required_and_the_page_says_what_was_searched(client, pages):
    response = client.get("/search/", {"q": "где учиться на повара"})
    assert titles(response) == ["Повар"]
    assert response.context["understood"] == ["повара"]
    assert "Искали по словам:" in response.content.decode()


def test_pages_with_most_of_the_words_follow_those_with_all(client, pages):
    response = client.get("/search/", {"q": "зарплата сварщика судоверфь"})
    assert titles(response) == ["Сварщик на судоверфи"]
    # «Сварщик» holds one word of three, less than two: not near enough; two of two words finds it.
    assert [page.title for page in response.context["nearby"]] == []
    response = client.get("/search/", {"q": "сварщик судоверфь"})
    assert titles(response) == ["Сварщик на судоверфи"]
    assert [page.title for page in response.context["nearby"]] == ["Сварщик"]  # after, and not repeated
    html = response.content.decode()
    # (the title's words are marked, «Сварщик на <mark>судоверфи</mark>»: the result list is found by its class)
    assert html.index('<ol class="cards">') < html.index("Страницы, где есть часть слов запроса")


def test_everyday_names_find_the_card_and_are_shown_on_it(client, pages):
    response = client.get("/search/", {"q": "сварного"})
    assert titles(response) == ["Сварщик"]
    card = client.get(pages["welder"].url).content.decode()
    assert "Также называют:" in card and "сварной" in card


def test_a_search_that_finds_nothing_helps(client, pages):
    partly = client.get("/search/", {"q": "повар нетсовпадений"})
    assert titles(partly) == [] and [page.title for page in partly.context["nearby"]] == ["Повар"]
    html = partly.content.decode()
    assert "Нет страниц, где встречаются все слова вашего запроса." in html
    response = client.get("/search/", {"q": "нетсовпадений"})
    assert not response.context["hits"] and not response.context["nearby"]
    nothing = response.content.decode()
    assert "/atlas/?future=on" in nothing and "/atlas/?sector=sudostroenie" in nothing  # the atlas's filters
    assert '<a href="?q=%D0%B0%D1%82%D0%BB%D0%B0%D1%81">атлас</a>' in nothing  # a popular search


@pytest.mark.parametrize("query", ["и для на", "?!", "%", '"на"', "и " * 150])
def test_a_query_of_function_words_only_gets_a_clear_answer(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    if response.context["search_query"]:
        assert "В запросе только служебные слова" in html
