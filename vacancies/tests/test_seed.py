"""The seed's vacancies on a small atlas built here: 80 demonstration vacancies of the demonstration organisations
matched to atlas employers, and the sample «Работа России» file imported; run twice, nothing doubles."""

import pytest

from atlas.factories import EmployerFactory
from opportunities.seed import Seeder as OpportunitySeeder
from vacancies.models import Vacancy, VacancyIndexPage
from vacancies.seed import COUNT, DEMO, Seeder

pytestmark = pytest.mark.django_db


def quiet(*args):
    pass


def test_the_seed_adds_the_list_page_80_marked_vacancies_and_the_sample_import(atlas_cards):
    shipyard = EmployerFactory(name="ПАО «Амурский судостроительный завод» (ОСК)", city="Комсомольск-на-Амуре")
    shipyard.districts.set([atlas_cards["amur"]])
    shipyard.save()
    welder = atlas_cards["welder"]
    welder.employers.add(shipyard)
    welder.save_revision().publish()
    OpportunitySeeder(log=quiet).run()  # the demonstration organisations come from the opportunities' seed

    created = Seeder(log=quiet).run()
    assert VacancyIndexPage.objects.get(locale__language_code="ru").live
    assert VacancyIndexPage.objects.filter(locale__language_code="en", live=True).exists()
    own = Vacancy.objects.filter(source="organisation")
    assert own.count() == Vacancy.objects.listed().filter(source="organisation").count() == COUNT
    assert all(DEMO in v.duties for v in own) and {v.profession for v in own} == {welder}
    assert {v.kind for v in own} == {"first_job", "summer", "practice", "target_training"}
    imported = Vacancy.objects.filter(source="trudvsem")
    assert imported.count() == Vacancy.objects.listed().filter(source="trudvsem").count() == 14
    assert all("Демонстрационные данные" in v.duties for v in imported)
    assert imported.get(source_id="demo-001").profession == welder  # «Сварщик ручной дуговой сварки»
    assert imported.get(source_id="demo-001").employer == shipyard  # by the company's name
    assert created == 2 + COUNT + 14
    assert Seeder(log=quiet).run() == 0 and Vacancy.objects.count() == COUNT + 14
