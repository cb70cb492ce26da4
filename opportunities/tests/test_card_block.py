"""The block «Профпробы, экскурсии и вакансии сейчас» on an atlas profession card: the profession's listed
opportunities, at a constant number of queries, and at once after a change although cards are cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import make_opportunity

pytestmark = pytest.mark.django_db


def card_queries(client, card):
    client.get(card.url)  # the look-ups of the first request of a content version (menus, site) are cached
    with CaptureQueriesContext(connection) as queries:
        html = client.get(card.url).content.decode()
    return html, len(queries)


def test_the_card_lists_its_professions_opportunities_at_a_flat_query_count(
    client, atlas_cards, make_organisation, index_page
):
    shipyard = make_organisation("ООО «Амурская верфь»")
    welder = atlas_cards["welder"]
    for n in range(3):
        make_opportunity(shipyard, title=f"Экскурсия {n}", district=atlas_cards["amur"], professions=[welder])
    make_opportunity(shipyard, title="Для медсестёр", district=atlas_cards["amur"], professions=[atlas_cards["nurse"]])
    html, few = card_queries(client, welder)
    assert "Профпробы, экскурсии и вакансии сейчас" in html
    assert "Экскурсия 0" in html and "Для медсестёр" not in html
    assert f'href="{index_page.url}?profession=svarshchik"' in html
    for n in range(3, 30):
        make_opportunity(shipyard, title=f"Экскурсия {n}", district=atlas_cards["amur"], professions=[welder])
    html, many = card_queries(client, welder)
    assert many == few, (few, many)
    assert "ещё 25 по этой профессии" in html  # five shown, the rest one link away


def test_a_card_without_opportunities_says_so_and_links_the_list(client, atlas_cards, index_page):
    html = client.get(atlas_cards["nurse"].url).content.decode()
    assert "Сейчас по этой профессии ничего не запланировано." in html and f'href="{index_page.url}"' in html


def test_no_block_without_a_published_list_page(client, atlas_cards):
    assert "Профпробы, экскурсии и вакансии сейчас" not in client.get(atlas_cards["welder"].url).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_new_opportunity_shows_on_the_cached_card_at_once(
    client, atlas_cards, make_organisation, index_page, django_capture_on_commit_callbacks
):
    welder = atlas_cards["welder"]
    shipyard = make_organisation("ООО «Амурская верфь»")
    with django_capture_on_commit_callbacks(execute=True):
        pass
    assert "Сейчас по этой профессии ничего не запланировано." in client.get(welder.url).content.decode()
    assert client.get(welder.url).get("X-Page-Cache") == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_opportunity(shipyard, title="Новая профпроба", district=atlas_cards["amur"], professions=[welder])
    assert "Новая профпроба" in client.get(welder.url).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_renamed_organisation_shows_at_once_and_a_new_request_empties_no_cache(
    client, atlas_cards, make_organisation, index_page, django_capture_on_commit_callbacks
):
    from django.core.cache import caches

    from portal import content_version

    welder = atlas_cards["welder"]
    shipyard = make_organisation("ООО «Амурская верфь»")
    with django_capture_on_commit_callbacks(execute=True):
        make_opportunity(shipyard, title="Профпроба", district=atlas_cards["amur"], professions=[welder])
    assert "ООО «Амурская верфь»" in client.get(welder.url).content.decode()
    version = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        make_organisation("ИП Новый запрос", approved=False)  # a request for an account: nothing public changes
    assert content_version.current() == version and caches["shared"].get(content_version.KEY) == version
    shipyard.name = "АО «Амурская верфь»"
    with django_capture_on_commit_callbacks(execute=True):
        shipyard.save()
    assert "АО «Амурская верфь»" in client.get(welder.url).content.decode()
