"""A disability category named in everyday words applied as the site search's facet (the cards that suit it and the
equal-opportunities navigator), English place names under /en/, the admission question, and the sections whose title
holds a word of the query. On the seeded site."""

from html import unescape

import pytest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.http import urlencode
from wagtail.models import Locale

from atlas.models import MunicipalDistrict, ProfessionPage, ProfessionSuitability
from portal.disabilities import DISABILITY_CATEGORIES, SUITED_DEGREES
from search.entities import understand


def search(client, query, prefix="", **params):
    response = client.get(f"{prefix}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def chosen(response, facet):
    groups = {group["name"]: group for group in response.context["facets"]}
    return [item for item in groups.get(facet, {"items": []})["items"] if item["chosen"]]


def every_result(response):
    """The titles of every result, over all the result pages (20 a page)."""
    paginator = response.context["results"].paginator
    return {page.title for page in paginator.object_list[0 : paginator.count]}


def suited(category, language="ru"):
    return set(
        ProfessionSuitability.objects.filter(
            category=category, degree__in=SUITED_DEGREES, page__live=True, page__locale__language_code=language
        ).values_list("page__title", flat=True)
    )


def navigator_title(language="ru"):
    from navigator.models import EqualOpportunitiesPage

    return EqualOpportunitiesPage.objects.live().get(locale__language_code=language).title


def test_a_category_applies_as_a_facet_shown_by_its_name_and_dropped_with_one_link(client, seeded_index):
    response = search(client, "профессии для слабослышащих")
    assert [item["value"] for item in chosen(response, "category")] == ["hearing"]
    # Narrowed to the cards that suit the category (also with limitations) and the navigator, nothing else
    cards = suited("hearing")
    assert cards
    assert every_result(response) == cards | {navigator_title()}
    unsuited = ProfessionPage.objects.live().filter(locale__language_code="ru").exclude(title__in=cards)
    assert unsuited.exists()
    # Shown by the category's own name, with the link that drops it; the answer box stays
    with translation.override("ru"):
        label = str(dict(DISABILITY_CATEGORIES)["hearing"])
    [entity] = response.context["understood_entities"]
    assert entity["label"] == label and "no_entity=category" in entity["drop_url"]
    html = unescape(response.content.decode())
    assert label in html and entity["drop_url"] in html
    assert [answer["kind"] for answer in response.context["answers"]] == ["category"]
    assert chosen(response, "category")[0]["url"] == entity["drop_url"]
    without = client.get("/search/" + entity["drop_url"])
    assert without.status_code == 200
    assert without.context["understood_entities"] == [] and not chosen(without, "category")


@pytest.mark.parametrize(
    ("query", "category"),
    [("работа для колясочников", "musculoskeletal"), ("для незрячих", "vision_blind"), ("незрячих", "vision_blind")],
)
def test_a_category_applies_with_other_words_or_alone(client, seeded_index, query, category):
    response = search(client, query)
    assert [item["value"] for item in chosen(response, "category")] == [category]
    assert every_result(response) == suited(category) | {navigator_title()}
    assert response.context["understood_entities"][0]["label"] == str(dict(DISABILITY_CATEGORIES)[category])


def test_a_category_with_a_word_nothing_suited_holds_falls_back_to_the_words(client, seeded_index):
    """No card suited to the blind, nor the navigator, holds «сварщик» (the welder's card is not marked suitable for
    them): the search looks for the query's words, without the facet, and still answers with the navigator."""
    assert "Сварщик" not in suited("vision_blind")
    response = search(client, "сварщик для незрячих")
    assert not chosen(response, "category")
    assert response.context["understood_entities"] == []
    assert [answer["kind"] for answer in response.context["answers"]] == ["category"]


def test_a_category_and_a_place_apply_together(client, seeded_index):
    response = search(client, "для колясочников в Хабаровске")
    assert [item["value"] for item in chosen(response, "category")] == ["musculoskeletal"]
    district = MunicipalDistrict.objects.get(locale__language_code="ru", name="Городской округ «Город Хабаровск»")
    assert [item["value"] for item in chosen(response, "district")] == [district.slug]


@pytest.fixture
def en(seeded_index):
    return Locale.objects.get(language_code="en")


def english_district(name_start):
    return MunicipalDistrict.objects.get(locale__language_code="en", name__startswith=name_start)


def test_english_place_names_are_recognised(en):
    def named(query):
        return {entity.kind: entity.value for entity in understand(query, en).entities}

    amursky = english_district("Amursky").slug
    for query in ("jobs in Amur district", "work in Amursky District", "jobs in Amursk"):
        assert named(query) == {"district": amursky}, query
    city = english_district("Komsomolsk-on-Amur").slug
    assert named("work in Komsomolsk-on-Amur") == {"district": city}
    assert named("Khabarovsk") == {"district": english_district("Khabarovsk City").slug}
    assert named("jobs in Khabarovsk district") == {"district": english_district("Khabarovsky").slug}
    assert understand("welder in Amur district", en).remaining == "welder in"


def test_an_english_place_applies_as_a_facet_on_the_english_site(client, en):
    amursky = english_district("Amursky")
    response = search(client, "jobs in Amur district", "/en")
    assert [item["value"] for item in chosen(response, "district")] == [amursky.slug]
    assert [entity["label"] for entity in response.context["understood_entities"]] == [amursky.name]
    answers = {answer["kind"]: answer for answer in response.context["answers"]}
    assert answers["district"]["label"] == amursky.name and answers["district"]["url"].startswith("/en/")
    city = english_district("Komsomolsk-on-Amur")
    response = search(client, "work in Komsomolsk-on-Amur", "/en")
    assert [item["value"] for item in chosen(response, "district")] == [city.slug]
    # A bare name is searched as words, which find the place's own record
    response = search(client, "Khabarovsk", "/en")
    records = [hit["title"] for group in response.context["record_groups"] for hit in group["hits"]]
    assert "Khabarovsk City Okrug" in [unescape(strip_tags(title)) for title in records]


def test_an_admission_question_opens_the_handbook_for_applicants(client, seeded_index):
    from navigator.models import ApplicantHandbookPage

    handbook = ApplicantHandbookPage.objects.live().get(locale__language_code="ru")
    for query in ("куда поступать после 9 класса", "поступление в колледж"):
        answers = {answer["kind"]: answer for answer in search(client, query).context["answers"]}
        assert answers["admission"] == {"kind": "admission", "title": handbook.title, "url": handbook.url}, query
    assert "admission" not in {answer["kind"] for answer in search(client, "колледж").context["answers"]}


def test_a_section_whose_title_holds_a_word_of_the_query_is_shown_above_the_results(client, seeded_index):
    from opportunities.models import OpportunityIndexPage

    section = OpportunityIndexPage.objects.live().get(locale__language_code="ru")
    response = search(client, "профпробы для школьников")
    sections = response.context["sections"]
    assert section.url in [hit["url"] for hit in sections] and len(sections) <= 2
    assert "Профпробы, экскурсии, практики" in unescape(response.content.decode())
    # Not on a later page, nor when a kind is chosen
    assert search(client, "профпробы для школьников", page="2").context["sections"] == []
    assert search(client, "профпробы для школьников", kind="news").context["sections"] == []


def test_categories_sections_and_admission_cost_few_queries_and_as_many_with_more_cards(
    client, seeded_index, django_capture_on_commit_callbacks
):
    """The category, the admission answer and the sections box are look-ups of the content version and one query for
    the sections found: within the portal's limit, and as many again with six more cards suited to the category.
    (Not compared with a plain «сварщик» search: these results mix more page types, each one query to fetch.)"""
    from wagtail.search.backends import get_search_backend

    from atlas.factories import ProfessionPageFactory
    from portal.tests.helpers import assert_few_constant_queries

    urls = [
        "/search/?" + urlencode({"q": query})
        for query in ("профессии для слабослышащих", "куда поступать после 9 класса", "профпробы для школьников")
    ]
    atlas = ProfessionPage.objects.live().filter(locale__language_code="ru").first().get_parent()

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(6):
                card = ProfessionPageFactory(parent=atlas, title=f"Оператор связи {n}")
                ProfessionSuitability.objects.create(
                    page=card, locale=card.locale, category="hearing", degree=SUITED_DEGREES[0]
                )
                card.save_revision().publish()
        get_search_backend().refresh_indexes()

    assert_few_constant_queries(client, urls, grow)
