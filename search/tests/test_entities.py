"""Sectors, places and disability categories named in a query (``search.entities``): recognised in any case and
with prepositions, applied as the search's facets (the category routes to the navigator), shown with the
respectful name, and dropped with one link. On the seeded site."""

import re
from html import unescape

import pytest
from django.utils import translation

from atlas.models import MunicipalDistrict, ProfessionPage, Sector
from portal.disabilities import DISABILITY_CATEGORIES
from search.entities import understand


@pytest.fixture
def ru(seeded_index):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ru")


def named(query, locale):
    return {entity.kind: entity.value for entity in understand(query, locale).entities}


def slug_of(model, name_start):
    return model.objects.filter(locale__language_code="ru", name__startswith=name_start).get().slug


def test_a_sector_is_recognised_by_its_name_its_noun_and_its_adjective(ru):
    health = slug_of(Sector, "Здравоохранение")
    for query in ("медицинские профессии", "медицина", "здравоохранение", "профессии в здравоохранении"):
        assert named(query, ru) == {"sector": health}, query
    assert named("судостроения", ru) == {"sector": slug_of(Sector, "Судостроение")}
    # A profession's name that an editors' synonym group holds is not the sector with another word
    assert named("медицинская сестра", ru) == {}


def test_a_place_is_recognised_in_any_case_and_with_prepositions(ru):
    city = slug_of(MunicipalDistrict, "Городской округ «Город Комсомольск")
    assert named("работа в Комсомольске-на-Амуре", ru) == {"district": city}
    khabarovsk = slug_of(MunicipalDistrict, "Городской округ «Город Хабаровск")
    assert named("вакансии Хабаровска", ru) == {"district": khabarovsk}
    assert named("в Хабаровском районе", ru) == {"district": slug_of(MunicipalDistrict, "Хабаровский")}
    amursky = slug_of(MunicipalDistrict, "Амурский")
    assert named("в Амурском районе", ru) == {"district": amursky}
    assert named("работа в Амурске", ru) == {"district": amursky}
    understanding = understand("сварщик в Амурском районе", ru)
    assert understanding.remaining == "сварщик в"  # the district's words (and «район») are not required


def test_a_category_is_recognised_in_everyday_words(ru):
    assert named("профессии для слабослышащих", ru) == {"category": "hearing"}
    assert named("работа для колясочников", ru) == {"category": "musculoskeletal"}
    assert named("незрячих", ru) == {"category": "vision_blind"}


def test_a_sector_applies_as_a_facet_and_finds_its_cards_when_no_word_is_left(client, seeded_index):
    health = Sector.objects.get(locale__language_code="ru", name__startswith="Здравоохранение")
    cards = set(ProfessionPage.objects.live().filter(sector=health).values_list("title", flat=True))
    response = client.get("/search/", {"q": "медицинские профессии"})
    assert response.status_code == 200
    facets = {group["name"]: group for group in response.context["facets"]}
    chosen = [item for item in facets["sector"]["items"] if item["chosen"]]
    assert [item["value"] for item in chosen] == [health.slug]
    titles = {page.title for page in response.context["results"]}
    assert cards and cards <= titles
    html = response.content.decode()
    assert "В вашем запросе распознано:" in html and health.name in html
    # The chosen facet's link, and the entity's, search without the sector
    drop = response.context["understood_entities"][0]["drop_url"]
    assert chosen[0]["url"] == drop and "no_entity=sector" in drop
    assert unescape(drop) in unescape(html)
    without = client.get("/search/" + drop)
    assert without.status_code == 200
    assert without.context["understood_entities"] == []
    assert "sector" not in {
        group["name"] for group in without.context["facets"] if any(item["chosen"] for item in group["items"])
    }
    assert {page.title for page in without.context["results"]} != titles


def test_a_place_applies_as_a_facet_with_the_words_left(client, seeded_index):
    response = client.get("/search/", {"q": "работа в Хабаровске"})
    assert response.status_code == 200
    district = MunicipalDistrict.objects.get(locale__language_code="ru", name="Городской округ «Город Хабаровск»")
    facets = {group["name"]: group for group in response.context["facets"]}
    assert [item["value"] for item in facets["district"]["items"] if item["chosen"]] == [district.slug]
    assert response.context["results"].paginator.count > 0
    assert response.context["understood"] == []  # «работа» is not required of a page in Khabarovsk


def test_an_explicit_choice_wins_over_the_named_entity(client, seeded_index):
    other = Sector.objects.filter(locale__language_code="ru").exclude(name__startswith="Здрав").first()
    response = client.get("/search/", {"q": "медицинские профессии", "sector": other.slug})
    assert response.status_code == 200
    assert response.context["understood_entities"] == []
    assert response.context["understood"] == ["медицинские"]


def test_the_category_is_shown_by_its_respectful_name(client, seeded_index):
    html = client.get("/search/", {"q": "профессии для колясочников"}).content.decode()
    with translation.override("ru"):
        label = str(dict(DISABILITY_CATEGORIES)["musculoskeletal"])
    assert label in html  # the category's own name
    understood = re.search(r'class="search-understood search-entities">(.*?)</p>', html, re.S).group(1)
    assert "колясочник" not in understood.split("search without")[0].lower()
