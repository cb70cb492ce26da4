"""The public list of vacancies: facet counts through the one faceting engine (the database backend here, OpenSearch
when it is configured, with the same answers), what leaves it by itself, the page of a vacancy and of one no longer
open, and a query count that does not grow with the data."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atlas.factories import ProfessionPageFactory
from conftest import require_service
from vacancies import listing
from vacancies.models import Vacancy

from .conftest import days, forget_indexed_vacancies, make_vacancy, refresh_index

pytestmark = pytest.mark.django_db
BACKENDS = ["database", "opensearch"] if settings.OPENSEARCH_URL else ["database"]


@pytest.fixture
def offers(atlas_cards, make_organisation, vacancy_index):
    """Four open vacancies (two of an approved organisation, two imported), and one of each kind that is not open:
    of an organisation awaiting approval, unpublished, expired yesterday, closed by its source."""
    forget_indexed_vacancies()
    shipyard = make_organisation("ООО «Амурская верфь»")
    waiting = make_organisation("ИП Ожидающий", approved=False)
    welder, nurse = atlas_cards["welder"], atlas_cards["nurse"]
    amur, vanino = atlas_cards["amur"], atlas_cards["vanino"]
    items = {
        "welder": make_vacancy(
            shipyard,
            kind="first_job",
            title="Сварщик без опыта работы",
            district=amur,
            profession=welder,
            salary_from=45_000,
            salary_to=70_000,
            suitable_for=["hearing"],
        ),
        "practice": make_vacancy(
            shipyard,
            kind="practice",
            title="Производственная практика на верфи",
            district=amur,
            profession=welder,
            salary_from=None,
            salary_to=None,
            suitable_for=["hearing", "somatic"],
        ),
        "nurse": make_vacancy(
            kind="target_training",
            title="Медицинская сестра (целевое обучение)",
            district=vanino,
            profession=nurse,
            salary_from=35_000,
            salary_to=None,
        ),
        "summer": make_vacancy(kind="summer", title="Летняя работа вожатым", district=vanino, salary_from=25_000),
        "waiting": make_vacancy(waiting, title="Вакансия ожидающего", district=amur, profession=welder),
        "hidden": make_vacancy(shipyard, title="Скрытая вакансия", district=amur, published=False),
        "expired": make_vacancy(shipyard, title="Истёкшая вакансия", district=amur, profession=welder),
        "closed": make_vacancy(title="Закрытая на «Работе России»", closed_at=timezone.now()),
    }
    Vacancy.objects.filter(pk=items["expired"].pk).update(valid_until=days(-1), listed_until=days(-1))
    from wagtail.search import index

    index.insert_or_update_object(Vacancy.objects.get(pk=items["expired"].pk))
    refresh_index()
    return items


def titles(found):
    return sorted(item.title for item in found.results)


@pytest.mark.parametrize("backend", BACKENDS)
def test_only_open_vacancies_are_found_with_their_facet_counts(offers, atlas_cards, backend):
    found = listing.search(backend=backend)
    assert titles(found) == sorted(offers[name].title for name in ("welder", "practice", "nurse", "summer"))
    assert found.total == 4
    counts = found.counts
    assert counts["type"] == {"first_job": 1, "practice": 1, "target_training": 1, "summer": 1}
    assert counts["district"] == {atlas_cards["amur"].slug: 2, atlas_cards["vanino"].slug: 2}
    assert counts["profession"] == {"svarshchik": 2, "medsestra": 1}
    assert counts["sector"] == {atlas_cards["ships"].slug: 2, atlas_cards["health"].slug: 1}
    assert counts["salary"] == {"30_50": 2, "not_stated": 1, "below_30": 1}
    assert counts["access"] == {"hearing": 2, "somatic": 1}


@pytest.mark.parametrize("backend", BACKENDS)
def test_chosen_values_narrow_the_results_and_the_other_counts(offers, atlas_cards, backend):
    found = listing.search(selected={"profession": "svarshchik", "access": "somatic"}, backend=backend)
    assert titles(found) == ["Производственная практика на верфи"]
    found = listing.search(selected={"district": atlas_cards["vanino"].slug}, backend=backend)
    assert titles(found) == ["Летняя работа вожатым", "Медицинская сестра (целевое обучение)"]
    assert found.counts["type"] == {"summer": 1, "target_training": 1}
    assert titles(listing.search("вожатым", backend=backend)) == ["Летняя работа вожатым"]


@pytest.mark.opensearch
def test_opensearch_answers_as_the_database_does(offers, atlas_cards):
    require_service("OpenSearch", "OPENSEARCH_URL", "the faceted list of vacancies on OpenSearch")
    for selected in [{}, {"district": atlas_cards["amur"].slug}, {"access": "hearing"}, {"salary": "30_50"}]:
        on_opensearch = listing.search(selected=selected, backend="opensearch")
        on_database = listing.search(selected=selected, backend="database")
        assert titles(on_database), selected
        assert titles(on_opensearch) == titles(on_database), selected
        assert on_opensearch.counts == on_database.counts, selected


def test_the_list_page_shows_the_facets_and_the_results(client, offers, vacancy_index):
    html = client.get(vacancy_index.url).content.decode()
    assert "4 вакансии" in html
    assert "Сварщик без опыта работы" in html and "Вакансия ожидающего" not in html
    assert "Истёкшая вакансия" not in html and "Закрытая на «Работе России»" not in html
    assert "Сварщик (2)" in html and "Целевое обучение" in html
    chosen = client.get(vacancy_index.url, {"type": "summer"}).content.decode()
    assert "1 вакансия" in chosen and "Летняя работа вожатым" in chosen and "убрать этот фильтр" in chosen


@pytest.mark.parametrize("params", [{"district": "nowhere"}, {"salary": "<script>"}, {"page": "abc"}, {"q": '"\x00'}])
def test_bad_input_is_reported_or_ignored_never_an_error(client, offers, vacancy_index, params):
    response = client.get(vacancy_index.url, params)
    assert response.status_code == 200
    if set(params) - {"page", "q"}:
        assert "Некоторые фильтры не применены" in response.content.decode()


def test_the_page_of_a_vacancy(client, offers, vacancy_index, atlas_cards):
    response = client.get(f"{vacancy_index.url}{offers['welder'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Сварщик без опыта работы</h1>" in html and "ООО «Амурская верфь»" in html
    assert "45\xa0000–70\xa0000 ₽" in html and "Слабослышание" in html
    assert f'href="{atlas_cards["welder"].url}"' in html
    assert "опубликована работодателем на портале" in html
    imported = client.get(f"{vacancy_index.url}{offers['nurse'].pk}/").content.decode()
    assert "«Работа России»" in imported and "загружена" in imported


@pytest.mark.parametrize("name", ["expired", "closed"])
def test_a_vacancy_no_longer_open_says_so(client, offers, vacancy_index, name):
    response = client.get(f"{vacancy_index.url}{offers[name].pk}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "Эта вакансия больше не открыта" in html and offers[name].title in html


@pytest.mark.parametrize("name", ["waiting", "hidden"])
def test_a_vacancy_never_public_is_not_found(client, offers, vacancy_index, name):
    response = client.get(f"{vacancy_index.url}{offers[name].pk}/")
    assert response.status_code == 404
    assert offers[name].title not in response.content.decode()
    assert client.get(f"{vacancy_index.url}999999/").status_code == 404


def test_the_list_page_costs_the_same_queries_for_few_and_many(client, offers, vacancy_index, atlas_cards):
    def queries():
        client.get(vacancy_index.url)  # the look-ups of a new content version are cached by the first request
        with CaptureQueriesContext(connection) as captured:
            assert client.get(vacancy_index.url).status_code == 200
        return len(captured)

    few = queries()
    shipyard = offers["welder"].organisation
    # More vacancies, and more values in each facet (new cards: each is a label of the profession facet).
    cards = [
        ProfessionPageFactory(parent=atlas_cards["atlas"], title=f"Профессия {n}", slug=f"professiya-{n}")
        for n in range(5)
    ]
    for n in range(30):
        make_vacancy(shipyard, title=f"Ещё вакансия {n}", district=atlas_cards["vanino"], profession=cards[n % 5])
    refresh_index()
    assert queries() == few, few


def test_the_profession_labels_know_their_language_without_a_query_each(offers):
    """The facet shows each profession with its language (``content_lang``): it must be loaded with the label, not
    asked of the database for each one (60 queries a page on the benchmark's data before this was so)."""
    shown = [label.shown for label in listing.build_labels()["profession"].values()]
    assert shown and all("locale_id" not in card.get_deferred_fields() for card in shown)
