"""The atlas pages cost at most MAX_PAGE_QUERIES SQL queries uncached, the same number however many professions,
sectors, districts, employers and organisations there are."""

from atlas.factories import DistrictFactory, EmployerFactory, OrganisationFactory, ProfessionPageFactory, SectorFactory
from portal.tests.helpers import assert_few_constant_queries


def test_atlas_pages_cost_few_queries_and_as_many_with_more_content(
    client, catalogue, atlas, django_capture_on_commit_callbacks
):
    welder = catalogue["welder"]
    urls = [
        atlas.url,
        atlas.url + "?level=spo&demand=high",
        atlas.url + "?sector=aviastroenie&district=amurskii-munitsipalnyi-raion&salary_from=50000",
        welder.url,
        atlas.url + "otrasli/aviastroenie/",
        atlas.url + "rabotodateli/knaaz/",
        atlas.url + "uchebnye-zavedeniia/aviatsionno-tekhnicheskii-kolledzh/",
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            employers, colleges = [], []
            for _ in range(30):
                district = DistrictFactory()
                employers.append(EmployerFactory(sector=catalogue["aviation"]))
                colleges.append(OrganisationFactory(district=catalogue["amursk"]))
                card = ProfessionPageFactory(parent=atlas, sector=catalogue["aviation"], salary_min=60_000)
                card.districts.set([district, catalogue["amursk"]])
                card.employers.set([catalogue["employer"]])
                card.organisations.set([catalogue["college"]])
                card.save_revision().publish()
                SectorFactory()
            welder.employers.add(*employers)
            welder.organisations.add(*colleges)
            welder.save_revision().publish()

    assert_few_constant_queries(client, urls, grow)


def test_a_renamed_sector_shows_in_the_atlas_filter_on_the_next_request(
    client, catalogue, atlas, django_capture_on_commit_callbacks
):
    assert '<option value="aviastroenie">Авиастроение</option>' in client.get(atlas.url).content.decode()
    sector = catalogue["aviation"]
    sector.name = "Авиа- и ракетостроение"
    with django_capture_on_commit_callbacks(execute=True):
        sector.save()
    html = client.get(atlas.url).content.decode()
    assert '<option value="aviastroenie">Авиа- и ракетостроение</option>' in html
