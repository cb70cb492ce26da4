"""The colleges' sessions for direction 8: only published offers of organisations that are colleges, by the year of
each session and the district where it is held."""

from atlas.factories import OrganisationFactory
from opportunities.college_work import college_sessions

from .conftest import days, make_opportunity


def test_only_colleges_published_sessions_count_by_year_and_district(atlas_cards, make_organisation):
    college = make_organisation("Судостроительный колледж")
    college.educational_organization = OrganisationFactory(
        name="Судостроительный колледж", district=atlas_cards["amur"]
    )
    college.save()
    plant = make_organisation("Амурский судостроительный завод")
    amur, vanino = atlas_cards["amur"], atlas_cards["vanino"]
    make_opportunity(college, kind="open_day", district=amur, slots=((3, 20), (10, 20)), reindex=False)
    make_opportunity(college, kind="trial", district=vanino, slots=((5, 4),), reindex=False)
    make_opportunity(college, kind="trial", district=vanino, slots=((6, 4),), published=False, reindex=False)
    make_opportunity(plant, kind="trial", district=amur, slots=((3, 4),), reindex=False)  # not a college
    counted = college_sessions([days(3).year, days(3).year + 1])
    expected = {}
    for offset, district in ((3, amur), (10, amur), (5, vanino)):
        key = (days(offset).year, district.pk)
        expected[key] = expected.get(key, 0) + 1
    assert counted == expected
