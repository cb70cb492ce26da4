"""The catalogue of additional education: facet counts through the one faceting engine (the database backend here,
OpenSearch when it is configured, with the same answers), the age buckets a programme overlaps, words, bad input,
and a query count that does not grow with the data."""

import pytest
from django.conf import settings

from conftest import require_service
from extracurricular import listing
from extracurricular.models.programmes import age_buckets
from portal.tests.helpers import assert_few_constant_queries

from .conftest import forget_indexed_programmes, make_programme, refresh_index

pytestmark = pytest.mark.django_db
BACKENDS = ["database", "opensearch"] if settings.OPENSEARCH_URL else ["database"]


@pytest.fixture
def programmes(districts):
    """Three programmes in two districts: two in Amursky (technical 8–10 free, arts 5–7 paid), one in Vaninsky
    (tourism 11–16 free)."""
    forget_indexed_programmes()
    amur, vanino = districts["amur"], districts["vanino"]
    items = {
        "robots": make_programme(amur, title_ru="Робототехника", age_from=8, age_to=10),
        "dance": make_programme(
            amur, title_ru="Хореография", direction="arts", age_from=5, age_to=7, cost="paid", summary="Танец."
        ),
        "hiking": make_programme(
            vanino,
            title_ru="Школа юного туриста",
            direction="tourism",
            age_from=11,
            age_to=16,
            summary="Однодневные походы по краю, ориентирование и первая помощь.",
        ),
    }
    refresh_index()
    return items


def titles(found):
    return sorted(item.title_ru for item in found.results)


@pytest.mark.parametrize(
    ("ages", "buckets"),
    [
        ((5, 7), ["5-7"]),
        ((7, 11), ["5-7", "8-10", "11-13"]),
        ((10, 10), ["8-10"]),
        ((13, 14), ["11-13", "14-15"]),
        ((15, 16), ["14-15", "16-18"]),
        ((5, 18), ["5-7", "8-10", "11-13", "14-15", "16-18"]),
        ((None, 10), []),
    ],
)
def test_a_programme_is_in_every_age_bucket_its_ages_overlap(ages, buckets):
    assert age_buckets(*ages) == buckets


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_facet_counts_of_known_rows(programmes, districts, backend):
    found = listing.search(backend=backend)
    assert found.total == 3
    assert titles(found) == ["Робототехника", "Хореография", "Школа юного туриста"]
    assert found.counts["district"] == {districts["amur"].slug: 2, districts["vanino"].slug: 1}
    assert found.counts["age"] == {"5-7": 1, "8-10": 1, "11-13": 1, "14-15": 1, "16-18": 1}
    assert found.counts["direction"] == {"technical": 1, "arts": 1, "tourism": 1}
    assert found.counts["cost"] == {"free": 2, "paid": 1}


@pytest.mark.parametrize("backend", BACKENDS)
def test_chosen_values_narrow_the_results_and_the_other_counts(programmes, districts, backend):
    amur = districts["amur"].slug
    found = listing.search(selected={"district": amur}, backend=backend)
    assert titles(found) == ["Робототехника", "Хореография"]
    assert found.counts["cost"] == {"free": 1, "paid": 1}
    assert found.counts["age"] == {"5-7": 1, "8-10": 1}
    found = listing.search(selected={"district": amur, "cost": "free"}, backend=backend)
    assert titles(found) == ["Робототехника"]
    assert found.counts["age"] == {"8-10": 1} and found.counts["district"] == {amur: 1}
    # A programme for 11–16 is found under each bucket it overlaps, and not under the others.
    for bucket in ("11-13", "14-15", "16-18"):
        assert titles(listing.search(selected={"age": bucket}, backend=backend)) == ["Школа юного туриста"]
    assert titles(listing.search(selected={"age": "5-7"}, backend=backend)) == ["Хореография"]
    assert listing.search(selected={"district": districts["vanino"].slug, "age": "5-7"}, backend=backend).total == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_words_find_programmes_by_title_and_summary(programmes, backend):
    assert titles(listing.search("Робототехника", backend=backend)) == ["Робототехника"]
    found = listing.search("походы", backend=backend)
    assert titles(found) == ["Школа юного туриста"]
    assert found.counts["district"] and found.counts["cost"] == {"free": 1}
    assert titles(listing.search("походы", {"cost": "paid"}, backend=backend)) == []


@pytest.mark.opensearch
def test_opensearch_answers_as_the_database_does(programmes, districts):
    require_service("OpenSearch", "OPENSEARCH_URL", "the catalogue of additional education on OpenSearch")
    for selected in [{}, {"district": districts["amur"].slug}, {"age": "14-15"}, {"cost": "free", "age": "8-10"}]:
        on_opensearch = listing.search(selected=selected, backend="opensearch")
        on_database = listing.search(selected=selected, backend="database")
        assert titles(on_database), selected
        assert titles(on_opensearch) == titles(on_database), selected
        assert on_opensearch.counts == on_database.counts, selected


def test_the_page_shows_the_facets_the_rows_and_the_navigator(client, programmes, catalogue):
    html = client.get(catalogue.url).content.decode()
    assert "3 программы" in html and 'role="status"' in html
    assert "Амурский район (2)" in html and "Ванинский район (1)" in html
    assert "Робототехника" in html and "Дом детского творчества" in html and "вт, чт 15:00–16:30" in html
    assert "8–10 лет" in html and html.count("демонстрационная запись") == 3
    assert (
        html.count('href="https://xn--27-6kc.xn--80aafey1amqq.xn--d1acj3b/"') == 3 + 1
    )  # each row, and the line above them
    assert 'rel="external noopener"' in html and "другой сайт, откроется в новой вкладке" in html
    chosen = client.get(catalogue.url, {"age": "5-7"}).content.decode()
    assert "1 программа" in chosen and "Хореография" in chosen and "Робототехника" not in chosen
    assert "убрать этот фильтр" in chosen and f'href="{catalogue.url}"' in chosen  # the chosen value; «reset»


@pytest.mark.parametrize(
    "params",
    [
        {"district": "nowhere"},
        {"age": "99-100"},
        {"direction": "<script>"},
        {"cost": "free", "age": ["5-7", "zzz"]},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": '"\x00'},
        {"q": "x" * 1000},
    ],
)
def test_bad_input_is_reported_or_ignored_never_an_error(client, programmes, catalogue, params):
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    if set(params) - {"page", "q", "cost"} or params.get("age"):
        assert "Некоторые фильтры не применены" in html
    if "page" in params:
        assert "3 программы" in html and "Робототехника" in html  # the first or the last page: here the only one


def test_the_page_costs_the_same_queries_for_2_and_8_rows(client, districts, catalogue):
    forget_indexed_programmes()
    for n in range(2):
        make_programme(districts["amur"], title_ru=f"Кружок А{n}")
    refresh_index()

    def grow():
        for n in range(6):
            make_programme(
                districts["vanino" if n % 2 else "amur"],
                title_ru=f"Секция Б{n}",
                direction=["arts", "sports", "social"][n % 3],
                cost=["free", "paid"][n % 2],
                age_from=5 + n,
                age_to=10 + n,
            )
        refresh_index()

    urls = [catalogue.url, f"{catalogue.url}?district={districts['amur'].slug}&age=8-10&q=Кружок"]
    assert_few_constant_queries(client, urls, grow)  # 4 and 6 queries when written
