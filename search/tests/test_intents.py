"""The answers above the results (``search.intents``): the salary and the «where to study» of the profession named,
the equal-opportunities navigator for a category, a place's page; in Russian and under /en/. Hostile queries still
answer. On the seeded site."""

import pytest
from django.utils import translation
from django.utils.http import urlencode
from wagtail.search.backends import get_search_backend

from atlas.models import MunicipalDistrict, ProfessionPage
from portal.disabilities import DISABILITY_CATEGORIES


def answers(client, query, prefix=""):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    return {answer["kind"]: answer for answer in response.context["answers"]}, response.content.decode()


def card(title, language="ru"):
    return ProfessionPage.objects.live().get(title=title, locale__language_code=language)


@pytest.mark.parametrize(
    "query", ["зарплата сварщика", "сколько получает сварщик", "Сварщик зарплата", "зарплата сварного"]
)
def test_a_salary_question_links_the_card_at_its_salary(client, seeded_index, query):
    welder = card("Сварщик")
    found, html = answers(client, query)
    assert found["salary"]["url"] == welder.url + "#salary"
    assert f'href="{welder.url}#salary"' in html
    if welder.salary_min or welder.salary_max:
        figure = f"{welder.salary_min or welder.salary_max:,}".replace(",", "\xa0")
        assert figure in html or f"{welder.salary_min or welder.salary_max:,}" in html
        assert ('class="demo-mark"' in html) == welder.salary_is_demo
    # The card has the anchor the answer links to
    assert 'id="salary"' in client.get(welder.url).content.decode()


@pytest.mark.parametrize("query", ["где учиться на повара", "где выучиться на повара"])
def test_a_where_to_study_question_links_the_card_and_its_colleges(client, seeded_index, query):
    cook = card("Повар")
    found, html = answers(client, query)
    assert found["study"]["url"] == cook.url + "#where-to-study"
    colleges = [o.name for o in cook.organisations.all()]
    assert [o["name"] for o in found["study"]["organisations"]] == colleges
    for name in colleges:
        assert name in html
    assert 'id="where-to-study"' in client.get(cook.url).content.decode()


def test_a_question_may_name_the_card_by_an_everyday_name(client, seeded_index):
    nurse = card("Медицинская сестра")
    assert "медсестра" in nurse.common_names  # the card's «also called», read from its stored JSON by the search
    found, _html = answers(client, "где учиться на медсестру")
    assert found["study"]["url"] == nurse.url + "#where-to-study"


def test_english_questions_are_answered_under_en(client, seeded_index):
    welder, cook = card("Welder", "en"), card("Cook", "en")
    found, _html = answers(client, "salary of a welder", "/en")
    assert found["salary"]["url"] == welder.url + "#salary" and welder.url.startswith("/en/")
    found, _html = answers(client, "where to study to be a cook", "/en")
    assert found["study"]["url"] == cook.url + "#where-to-study"


def test_a_category_opens_the_equal_opportunities_navigator_for_it(client, seeded_index):
    from navigator.models import EqualOpportunitiesPage

    navigator = EqualOpportunitiesPage.objects.live().get(locale__language_code="ru")
    found, html = answers(client, "профессии для слабослышащих")
    url = navigator.url + "?" + urlencode({"category": "hearing"})
    assert found["category"]["url"] == url
    assert client.get(url).context["category"] == "hearing"  # the navigator understands its filter
    with translation.override("ru"):
        assert str(dict(DISABILITY_CATEGORIES)["hearing"]) in html  # the category's own name


@pytest.mark.parametrize("query", ["работа в Амурске", "вакансии в Амурском районе"])
def test_work_in_a_place_opens_the_district_page_its_professions_and_vacancies(client, seeded_index, query):
    amursky = MunicipalDistrict.objects.get(locale__language_code="ru", name__startswith="Амурский")
    found, _html = answers(client, query)
    district = found["district"]
    assert district["url"].endswith(f"/{amursky.slug}/") and client.get(district["url"]).status_code == 200
    assert district["professions_url"].endswith(f"?district={amursky.slug}")
    assert client.get(district["professions_url"]).status_code == 200
    if district["vacancies_url"]:
        assert district["vacancies_url"].endswith(f"?district={amursky.slug}")
        assert client.get(district["vacancies_url"]).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "в в в",
        "для на в по",
        "где",
        "зарплата",
        "где учиться",
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        'медицинские"); SELECT * FROM auth_user --',
        "сварщик " * 60,
        "зарплата " + "в Хабаровске " * 30,
    ],
)
def test_hostile_and_empty_questions_still_answer(client, seeded_index, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert 'class="result-count" role="status"' in response.content.decode()  # «0 results», and what to try


def test_answers_cost_a_small_constant_number_of_queries(client, seeded_index, django_capture_on_commit_callbacks):
    """An answer about a card costs the card (and its colleges); sectors, places, categories and the intent words
    are look-ups of the content version. And the pages cost as many queries with more cards in the sector."""
    from atlas.factories import ProfessionPageFactory
    from atlas.models import Sector
    from portal.tests.helpers import assert_few_constant_queries, queries_for

    plain = queries_for(client, "/search/?q=сварщик")
    urls = [
        "/search/?" + urlencode({"q": query})
        for query in ("зарплата сварщика", "где учиться на сварщика", "медицинские профессии", "работа в Амурске")
    ]
    for url in urls:
        assert queries_for(client, url) <= plain + 3, url
    health = Sector.objects.get(locale__language_code="ru", name__startswith="Здравоохранение")
    atlas = card("Сварщик").get_parent()

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(6):
                ProfessionPageFactory(parent=atlas, title=f"Фельдшер {n}", sector=health)
        get_search_backend().refresh_indexes()

    assert_few_constant_queries(client, urls, grow)
