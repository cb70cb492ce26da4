"""The admin: an organisation's people list, add and edit their own organisation's vacancies only; editors see every
one, those imported from «Работа России» too."""

import re

import pytest
from wagtail.test.utils.form_data import nested_form_data

from opportunities.tests.conftest import PASSWORD
from vacancies.models import Vacancy

from .conftest import days, make_vacancy

pytestmark = pytest.mark.django_db
LIST = "/admin/vacancies/"


def sign_in(client, organisation):
    client.logout()
    client.post("/admin/login/", {"username": organisation.account.username, "password": PASSWORD})
    assert "_auth_user_id" in client.session


def form(atlas_cards, **changed):
    data = nested_form_data(
        {
            "kind": "practice",
            "title": "Практика для студентов-сварщиков",
            "profession": atlas_cards["welder"].pk,
            "district": atlas_cards["amur"].pk,
            "address": "Амурск, Промышленная ул., 3",
            "salary_from": 30000,
            "salary_to": 35000,
            "schedule": "Пятидневка, 8 часов",
            "duties": "Сварка простых узлов под присмотром наставника.",
            "requirements": "Студент 3–4 курса колледжа",
            "valid_until": days(20).isoformat(),
            "published": "on",
            **changed,
        }
    )
    data["suitable_for"] = ["hearing", "somatic"]
    return data


@pytest.fixture
def two(atlas_cards, make_organisation):
    a, b = make_organisation("ООО «Альфа»"), make_organisation("ООО «Бета»")
    return {
        "a": a,
        "b": b,
        "a_item": make_vacancy(a, title="Вакансия Альфы", district=atlas_cards["amur"]),
        "b_item": make_vacancy(b, title="Вакансия Беты", district=atlas_cards["vanino"]),
        "imported": make_vacancy(title="Вакансия «Работы России»"),
    }


def test_an_organisation_sees_and_edits_only_its_own_vacancies(client, two, atlas_cards):
    sign_in(client, two["a"])
    listing = client.get(LIST).content.decode()
    assert "Вакансия Альфы" in listing
    assert "Вакансия Беты" not in listing and "Вакансия «Работы России»" not in listing
    assert client.get(f"{LIST}edit/{two['a_item'].pk}/").status_code == 200
    for other in (two["b_item"], two["imported"]):
        assert client.get(f"{LIST}edit/{other.pk}/").status_code == 404
        assert client.post(f"{LIST}edit/{other.pk}/", form(atlas_cards, title="Взлом")).status_code == 404
        assert client.post(f"{LIST}delete/{other.pk}/").status_code == 404
        other.refresh_from_db()
        assert other.title != "Взлом"
    assert Vacancy.objects.filter(pk=two["b_item"].pk).exists()


def test_an_organisation_adds_a_vacancy_of_its_own_and_cannot_choose_another(client, two, atlas_cards):
    sign_in(client, two["a"])
    assert 'name="organisation"' not in client.get(f"{LIST}new/").content.decode()
    response = client.post(f"{LIST}new/", form(atlas_cards, organisation=two["b"].pk))
    assert response.status_code == 302, re.findall(r'error-message">(.*?)<', response.content.decode(), re.S)
    created = Vacancy.objects.get(title="Практика для студентов-сварщиков")
    assert created.organisation == two["a"] and created.employer_name == "ООО «Альфа»"
    assert created.source == "organisation" and created.listed_until == days(20)
    assert created.suitable_for == ["hearing", "somatic"] and created.profession == atlas_cards["welder"]


def test_the_admin_form_explains_what_is_wrong(client, two, atlas_cards):
    sign_in(client, two["a"])
    bad = form(atlas_cards, salary_from=60000, salary_to=20000, valid_until=days(-2).isoformat(), district="")
    html = client.post(f"{LIST}new/", bad).content.decode()
    for message in (
        "Верхняя граница зарплаты не может быть меньше нижней.",
        "Эта дата уже прошла: выберите сегодняшний или более поздний день.",
        "Выберите район, где находится работа.",
    ):
        assert message in html
    assert not Vacancy.objects.filter(title="Практика для студентов-сварщиков").exists()


def test_editors_see_every_vacancy_and_choose_the_organisation(client, two, editor):
    client.force_login(editor)
    listing = client.get(LIST).content.decode()
    assert "Вакансия Альфы" in listing and "Вакансия Беты" in listing and "Вакансия «Работы России»" in listing
    assert 'name="organisation"' in client.get(f"{LIST}edit/{two['b_item'].pk}/").content.decode()


def test_vacancies_are_in_the_organisation_menu(client, two):
    sign_in(client, two["a"])
    html = client.get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    names = set(re.findall(r'"name": "([^"]+)"', props.group(1)))
    assert {"vacancies", "opportunities", "partners_profile"} <= names and "explorer" not in names
