"""The vacancies in the block «Профпробы, экскурсии и вакансии сейчас» of a profession card, and an employer's page
with everything it has open: one block, one heading, at a query count that does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from atlas.factories import EmployerFactory
from opportunities.tests.conftest import make_opportunity

from .conftest import days, make_vacancy

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    client.get(url)  # the look-ups of the first request of a content version are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def shipyard(atlas_cards, make_organisation):
    """An approved organisation matched to the atlas employer «Амурский судостроительный завод», which employs
    welders in the Amur district."""
    employer = EmployerFactory(name="Амурский судостроительный завод", slug="asz", sector=atlas_cards["ships"])
    employer.districts.add(atlas_cards["amur"])
    employer.save()  # a parental many-to-many relation is written with its object
    welder = atlas_cards["welder"]
    welder.employers.add(employer)
    welder.save_revision().publish()
    organisation = make_organisation("АО «Амурский судостроительный завод»")
    organisation.employer = employer
    organisation.save()
    return organisation


def test_the_card_block_shows_opportunities_and_vacancies_under_one_heading(
    client, atlas_cards, shipyard, opportunity_index, vacancy_index
):
    welder = atlas_cards["welder"]
    make_opportunity(shipyard, title="Экскурсия на верфь", district=atlas_cards["amur"], professions=[welder])
    make_vacancy(shipyard, title="Сварщик без опыта", district=atlas_cards["amur"], profession=welder)
    make_vacancy(title="Медсестра с «Работы России»", profession=atlas_cards["nurse"])
    html, few = queries_of(client, welder.url)
    assert html.count("Профпробы, экскурсии и вакансии сейчас") == 1
    assert "Экскурсия на верфь" in html and "Сварщик без опыта" in html and "Медсестра" not in html
    assert f'href="{vacancy_index.url}?profession=svarshchik">Все вакансии' in html
    for n in range(30):
        make_vacancy(shipyard, title=f"Сварщик {n}", district=atlas_cards["amur"], profession=welder)
    html, many = queries_of(client, welder.url)
    assert many == few, (few, many)
    assert "ещё 26 по этой профессии" in html  # five vacancies shown of 31


def test_expired_vacancies_leave_the_card(client, atlas_cards, shipyard, opportunity_index, vacancy_index):
    from vacancies.models import Vacancy

    welder = atlas_cards["welder"]
    vacancy = make_vacancy(shipyard, title="Сварщик без опыта", district=atlas_cards["amur"], profession=welder)
    Vacancy.objects.filter(pk=vacancy.pk).update(valid_until=days(-1), listed_until=days(-1))
    assert "Сварщик без опыта" not in client.get(welder.url).content.decode()


def test_the_employer_page_shows_what_it_has_open(client, atlas_cards, shipyard, opportunity_index, vacancy_index):
    atlas, welder = atlas_cards["atlas"], atlas_cards["welder"]
    make_opportunity(shipyard, title="Экскурсия на верфь", district=atlas_cards["amur"], professions=[welder])
    make_vacancy(shipyard, title="Сварщик без опыта", district=atlas_cards["amur"], profession=welder)
    make_vacancy(title="Чужая вакансия", profession=welder)
    url = f"{atlas.url}rabotodateli/asz/"
    assert f'href="{url}"' in client.get(welder.url).content.decode(), "the card links its employer's page"
    html, few = queries_of(client, url)
    assert "<h1>Амурский судостроительный завод</h1>" in html
    assert "Открыто сейчас у этого работодателя" in html
    assert "Экскурсия на верфь" in html and "Сварщик без опыта" in html and "Чужая вакансия" not in html
    assert "<dd>Судостроение</dd>" in html  # its sector
    assert ">Амурский район</a>" in html  # its districts
    assert "Сварщик" in html  # the professions it employs for
    for n in range(20):
        make_vacancy(shipyard, title=f"Сварщик {n}", district=atlas_cards["amur"], profession=welder)
    _html, many = queries_of(client, url)
    assert many == few, (few, many)


def test_an_employer_with_nothing_open_says_so(client, atlas_cards, shipyard, opportunity_index, vacancy_index):
    html = client.get(f"{atlas_cards['atlas'].url}rabotodateli/asz/").content.decode()
    assert "Сейчас у этого работодателя нет открытых предложений для молодёжи." in html
