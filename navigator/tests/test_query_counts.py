"""The navigator pages cost at most MAX_PAGE_QUERIES SQL queries uncached, the same number however many
professions, editions, organisations and open days there are."""

from atlas.factories import OrganisationFactory, ProfessionPageFactory
from atlas.models import OpenDay, ProfessionSuitability
from navigator.models import ProfnavigatorEditionPage
from portal.tests.helpers import assert_few_constant_queries

from .conftest import add, edition_sections


def test_navigator_pages_cost_few_queries_and_as_many_with_more_content(
    client, guides, django_capture_on_commit_callbacks
):
    urls = [
        guides["index"].url,
        guides["new"].url,
        guides["new"].url + "?compare=2025",
        guides["equal"].url,
        guides["equal"].url + "?category=hearing",
        guides["handbook"].url,
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            cards = []
            for _ in range(30):
                college = OrganisationFactory(accessibility="Пандус")
                card = ProfessionPageFactory(parent=guides["atlas"])
                card.suitability = [ProfessionSuitability(category="hearing", degree="suitable", note="Табло")]
                card.organisations.set([college, guides["college"]])
                card.save_revision().publish()
                cards.append(card)
                OpenDay.objects.create(organisation=college, date="2026-04-01", place="Хабаровск")
            guides["handbook"].save_revision().publish()
            for year in range(2010, 2020):
                add(
                    guides["index"],
                    ProfnavigatorEditionPage(title=f"Профнавигатор-{year}", slug=f"pn-{year}", year=year),
                )
            new = guides["new"]
            new.sections = edition_sections(("Авиастроение", [guides["turner"], *cards[:15]]), ("Разное", cards[15:]))
            new.save_revision().publish()

    assert_few_constant_queries(client, urls, grow)
