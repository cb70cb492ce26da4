"""A vacancy's life: it is listed while open and valid, and leaves the lists by itself the day after «valid until»."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from vacancies.models import Vacancy
from vacancies.models.vacancies import salary_band

from .conftest import days, make_vacancy

pytestmark = pytest.mark.django_db


def listed_titles(today=None):
    return sorted(Vacancy.objects.listed(today).values_list("title", flat=True))


def test_a_vacancy_is_listed_until_its_last_day_and_not_after(atlas_cards, make_organisation):
    shipyard = make_organisation("ООО «Амурская верфь»")
    make_vacancy(shipyard, title="Сварщик на верфь", district=atlas_cards["amur"], valid_until=days(0))
    make_vacancy(shipyard, title="Вчерашняя вакансия", district=atlas_cards["amur"], valid_until=days(5))
    assert listed_titles() == ["Вчерашняя вакансия", "Сварщик на верфь"]
    assert listed_titles(days(1)) == ["Вчерашняя вакансия"], "the day after its last day it has left the list"
    assert listed_titles(days(6)) == []


def test_only_open_vacancies_of_approved_organisations_are_listed(atlas_cards, make_organisation, editor):
    from partners import accounts

    waiting = make_organisation("ИП Ожидающий", approved=False)
    shipyard = make_organisation("ООО «Амурская верфь»")
    make_vacancy(waiting, title="Ожидающая", district=atlas_cards["amur"])
    make_vacancy(shipyard, title="Скрытая", district=atlas_cards["amur"], published=False)
    make_vacancy(title="Закрытая источником", closed_at=timezone.now())
    make_vacancy(title="Из «Работы России»")
    assert listed_titles() == ["Из «Работы России»"]
    assert accounts.approve(waiting, editor)
    assert listed_titles() == ["Из «Работы России»", "Ожидающая"], "approval brings its vacancies in"


def test_an_organisations_vacancy_takes_its_name_and_atlas_employer(atlas_cards, make_organisation):
    from atlas.factories import EmployerFactory

    employer = EmployerFactory(name="Амурский судостроительный завод")
    shipyard = make_organisation("АО «АСЗ»")
    shipyard.employer = employer
    shipyard.save()
    vacancy = make_vacancy(shipyard, district=atlas_cards["amur"])
    assert (vacancy.employer_name, vacancy.employer, vacancy.employer_inn) == ("АО «АСЗ»", employer, shipyard.inn)


def test_the_form_rules(atlas_cards, make_organisation):
    shipyard = make_organisation("ООО «Амурская верфь»")
    vacancy = Vacancy(
        organisation=shipyard,
        kind="summer",
        title="Летняя работа",
        valid_until=days(-1),
        salary_from=50_000,
        salary_to=30_000,
    )
    with pytest.raises(ValidationError) as error:
        vacancy.full_clean()
    assert set(error.value.message_dict) >= {"valid_until", "salary_to", "district"}


def test_salary_bands():
    assert salary_band(None, None) == "not_stated"
    assert salary_band(25_000, 60_000) == "below_30"
    assert salary_band(None, 45_000) == "30_50"
    assert salary_band(50_000, None) == "50_80"
    assert salary_band(80_000, 120_000) == "above_80"
