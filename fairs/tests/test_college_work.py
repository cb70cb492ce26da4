"""The colleges' places at the fairs for direction 8: each participating college once per live fair of the year, in
its own district."""

from atlas.factories import DistrictFactory, OrganisationFactory
from fairs.results import college_places


def test_each_college_counts_once_per_live_fair_of_the_year_in_its_district(make_fair):
    amur, vanino = DistrictFactory(name="Амурский район"), DistrictFactory(name="Ванинский район")
    shipbuilding = OrganisationFactory(name="Судостроительный колледж", district=amur)
    medical = OrganisationFactory(name="Медицинский колледж", district=amur)
    port = OrganisationFactory(name="Ванинский морской колледж", district=vanino)
    nowhere = OrganisationFactory(name="Колледж без района")
    fairs = [make_fair(1), make_fair(2)]
    for fair, colleges in zip(fairs, ([shipbuilding, medical, nowhere], [shipbuilding, port]), strict=True):
        fair.colleges = colleges
        fair.save_revision().publish()
    draft = make_fair(3)
    draft.colleges = [port]
    draft.save_revision()
    draft.unpublish()
    year = fairs[0].starts_on.year
    assert college_places([year]) == {(year, amur.pk): 3, (year, vanino.pk): 1}
    assert college_places([year - 1]) == {}
