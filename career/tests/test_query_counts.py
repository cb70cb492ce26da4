"""The career builder's start page costs at most MAX_PAGE_QUERIES SQL queries uncached, the same number however
many professions the atlas has."""

from atlas.factories import ProfessionPageFactory
from portal.tests.helpers import assert_few_constant_queries


def test_the_start_page_costs_few_queries_and_as_many_with_more_professions(
    client, career, django_capture_on_commit_callbacks
):
    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            for _ in range(30):
                ProfessionPageFactory(parent=career["atlas"]).save_revision().publish()

    assert_few_constant_queries(client, [career["page"].url, career["home_en"].url], grow)
