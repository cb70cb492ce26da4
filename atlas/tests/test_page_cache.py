"""The atlas and the page cache: the card, the listing and the reference pages are stored for anonymous visitors,
and every change they show — a profession published, a sector or an employer edited, a school subject renamed, a
suitability row written by an import — makes them fresh on the next request."""

import pytest
from django.test import Client

from atlas.factories import ProfessionPageFactory
from atlas.models import ProfessionSuitability, SchoolSubject
from portal.page_cache import HEADER
from portal.tests.helpers import not_cached, served_twice

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def fresh(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), response[HEADER]


def reference_url(atlas, route, slug):
    return atlas.url + atlas.reverse_subpage(route, args=[slug])


def test_card_listing_and_reference_pages_are_hits_without_sql(client, catalogue, atlas):
    served_twice(client, catalogue["welder"].url)
    served_twice(client, atlas.url)
    served_twice(client, reference_url(atlas, "sector", catalogue["aviation"].slug))
    served_twice(client, reference_url(atlas, "employer", catalogue["employer"].slug))


def test_filters_are_built_each_time(client, catalogue, atlas):
    not_cached(client, atlas.url + "?sector=" + catalogue["aviation"].slug)


def test_publishing_a_profession_refreshes_the_listings_it_appears_in(client, catalogue, atlas, committed):
    sector_url = reference_url(atlas, "sector", catalogue["aviation"].slug)
    served_twice(client, atlas.url)
    served_twice(client, sector_url)
    with committed():
        ProfessionPageFactory(parent=atlas, title="Авиатехник", sector=catalogue["aviation"])
    for url in (atlas.url, sector_url):
        html, source = fresh(url)
        assert source == "miss" and "Авиатехник" in html, url


def test_editing_a_sector_or_an_employer_refreshes_the_card_and_the_listing(client, catalogue, atlas, committed):
    welder = catalogue["welder"]
    served_twice(client, welder.url)
    served_twice(client, atlas.url)
    aviation = catalogue["aviation"]
    aviation.name = "Авиа- и судостроение"
    with committed():
        aviation.save()
    for url in (welder.url, atlas.url):
        html, source = fresh(url)
        assert source == "miss" and "Авиа- и судостроение" in html, url
    assert fresh(welder.url)[1] == "hit"
    employer = catalogue["employer"]
    employer.name = "Комсомольский-на-Амуре авиазавод"
    with committed():
        employer.save()
    html, source = fresh(welder.url)
    assert source == "miss" and "Комсомольский-на-Амуре авиазавод" in html


def test_reference_rows_that_are_not_snippets_refresh_the_card(client, catalogue, committed):
    welder = catalogue["welder"]
    subject = SchoolSubject.objects.order_by("pk").first()
    welder.school_subjects.set([subject])
    with committed():
        welder.save_revision().publish()
    served_twice(client, welder.url)
    subject.name = "Физика и астрономия"
    with committed():
        subject.save()
    html, source = fresh(welder.url)
    assert source == "miss" and "Физика и астрономия" in html
    # A suitability row written without its card, as an import writes it.
    assert fresh(welder.url)[1] == "hit"
    with committed():
        row = ProfessionSuitability.objects.get(page=welder)
        row.note = "Световая сигнализация на посту"
        row.save()
    html, source = fresh(welder.url)
    assert source == "miss" and "Световая сигнализация на посту" in html
