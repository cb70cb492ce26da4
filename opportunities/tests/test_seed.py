"""The seed's demonstration opportunities, on a small atlas built here: two for each atlas employer and college with
profession cards, their organisations approved without a letter, listed, marked as demonstration data; run twice,
nothing doubles."""

import pytest
from django.core import mail

from atlas.factories import EmployerFactory, OrganisationFactory
from opportunities.models import Opportunity, OpportunityIndexPage
from opportunities.seed import DEMO, Seeder, demo_inn
from partners.models import Organisation, Status

pytestmark = pytest.mark.django_db


def test_the_demo_inn_passes_the_tax_services_check():
    from stdnum.ru import inn

    assert all(inn.is_valid(demo_inn(number)) for number in range(1, 40))


def test_the_seed_adds_the_list_page_and_marked_demonstration_opportunities(atlas_cards):
    shipyard = EmployerFactory(name="ПАО «Амурский судостроительный завод» (ОСК)")
    shipyard.districts.set([atlas_cards["amur"]])
    shipyard.save()
    college = OrganisationFactory(name="Амурский политехнический техникум", district=atlas_cards["amur"])
    welder, nurse = atlas_cards["welder"], atlas_cards["nurse"]
    welder.employers.add(shipyard)
    welder.organisations.add(college)
    welder.save_revision().publish()
    nurse.organisations.add(college)
    nurse.save_revision().publish()
    EmployerFactory(name="Без карточек")  # no profession card: no account, no opportunities

    assert Seeder(log=lambda *a: None).run() == 1 + 1 + 4  # the page, its English translation, the opportunities
    index = OpportunityIndexPage.objects.get(locale__language_code="ru")
    assert index.live and OpportunityIndexPage.objects.filter(locale__language_code="en", live=True).exists()
    organisations = Organisation.objects.all()
    assert {o.name for o in organisations} == {shipyard.name, college.name}
    assert all(o.status == Status.APPROVED and o.collection_id for o in organisations)
    assert not any(o.account.has_usable_password() for o in organisations)
    assert mail.outbox == []  # no letters to demonstration addresses
    opportunities = Opportunity.objects.all()
    assert opportunities.count() == Opportunity.objects.listed().count() == 4
    assert all(o.description.startswith(DEMO) for o in opportunities)
    assert {p.slug for o in opportunities.filter(organisation__employer=shipyard) for p in o.professions.all()} == {
        "svarshchik"
    }
    assert Seeder(log=lambda *a: None).run() == 0 and Opportunity.objects.count() == 4
