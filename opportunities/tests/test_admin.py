"""The admin: an organisation's people list, add and edit their own organisation's opportunities only; editors see
every organisation's."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from opportunities.models import Opportunity

from .conftest import PASSWORD, days, make_opportunity

pytestmark = pytest.mark.django_db
LIST = "/admin/opportunities/"


def sign_in(client, organisation):
    """Through the admin's sign-in form, as its people do (it refuses accounts that are not open)."""
    client.logout()
    client.post("/admin/login/", {"username": organisation.account.username, "password": PASSWORD})
    assert "_auth_user_id" in client.session


def form(atlas_cards, **changed):
    data = nested_form_data(
        {
            "kind": "trial",
            "title": "Профпроба «Сварщик на один день»",
            "description": rich_text("<p>Попробуете сварить шов под присмотром мастера.</p>"),
            "district": atlas_cards["amur"].pk,
            "address": "Амурск, Промышленная ул., 3",
            "online_link": "",
            "grade_from": 9,
            "grade_to": 11,
            "what_to_bring": "Закрытую обувь",
            "medical_requirements": "",
            "published": "on",
            "slots": inline_formset([{"date": days(10).isoformat(), "start": "10:00", "end": "12:00", "places": 12}]),
            "accessibility": inline_formset(
                [{"category": "hearing", "adapted": "on", "what": "Сурдопереводчик по заявке"}]
            ),
            "photos": inline_formset([]),
            **changed,
        }
    )
    data["professions"] = [atlas_cards["welder"].pk]  # nested_form_data spreads lists into numbered fields
    return data


@pytest.fixture
def two(atlas_cards, make_organisation):
    a, b = make_organisation("ООО «Альфа»"), make_organisation("ООО «Бета»")
    return {
        "a": a,
        "b": b,
        "a_item": make_opportunity(a, title="Экскурсия Альфы", district=atlas_cards["amur"]),
        "b_item": make_opportunity(b, title="Экскурсия Беты", district=atlas_cards["vanino"]),
    }


def test_an_organisation_sees_and_edits_only_its_own_opportunities(client, two, atlas_cards):
    sign_in(client, two["a"])
    listing = client.get(LIST).content.decode()
    assert "Экскурсия Альфы" in listing and "Экскурсия Беты" not in listing
    b_item = two["b_item"]
    assert client.get(f"{LIST}edit/{two['a_item'].pk}/").status_code == 200
    assert client.get(f"{LIST}edit/{b_item.pk}/").status_code == 404
    assert client.post(f"{LIST}edit/{b_item.pk}/", form(atlas_cards, title="Взлом")).status_code == 404
    assert client.get(f"{LIST}delete/{b_item.pk}/").status_code == 404
    assert client.post(f"{LIST}delete/{b_item.pk}/").status_code == 404
    b_item.refresh_from_db()
    assert b_item.title == "Экскурсия Беты"


def test_an_organisation_adds_an_opportunity_of_its_own_and_cannot_choose_another(client, two, atlas_cards):
    sign_in(client, two["a"])
    page = client.get(f"{LIST}new/").content.decode()
    assert 'name="organisation"' not in page  # the field is the editors'
    response = client.post(f"{LIST}new/", form(atlas_cards, organisation=two["b"].pk))
    assert response.status_code == 302, re.findall(r'error-message">(.*?)<', response.content.decode(), re.S)
    created = Opportunity.objects.get(title="Профпроба «Сварщик на один день»")
    assert created.organisation == two["a"]
    assert created.listed_until == days(10)
    assert list(created.professions.all()) == [atlas_cards["welder"]]
    assert created.accessibility.get().what == "Сурдопереводчик по заявке"


def test_the_admin_form_explains_what_is_wrong(client, two, atlas_cards):
    sign_in(client, two["a"])
    bad = form(
        atlas_cards,
        grade_from=10,
        grade_to=7,
        slots=inline_formset([{"date": days(-1).isoformat(), "start": "12:00", "end": "11:00", "places": 0}]),
    )
    html = client.post(f"{LIST}new/", bad).content.decode()
    for message in (
        "Последний класс не может быть меньше первого.",
        "Эта дата уже прошла: выберите сегодняшний или более поздний день.",
        "Окончание должно быть позже начала.",
        "В слоте должно быть хотя бы одно место.",
    ):
        assert message in html
    assert not Opportunity.objects.filter(title="Профпроба «Сварщик на один день»").exists()


def test_editors_see_and_edit_every_organisations_opportunities(client, two, editor, atlas_cards):
    client.force_login(editor)
    listing = client.get(LIST).content.decode()
    assert "Экскурсия Альфы" in listing and "Экскурсия Беты" in listing
    assert 'name="organisation"' in client.get(f"{LIST}edit/{two['b_item'].pk}/").content.decode()


def test_opportunities_are_in_the_organisation_menu(client, two):
    sign_in(client, two["a"])
    html = client.get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    names = set(re.findall(r'"name": "([^"]+)"', props.group(1)))
    assert {"opportunities", "partners_profile", "images"} <= names and "explorer" not in names


def test_an_editor_without_the_review_permission_still_chooses_the_organisation(client, two, atlas_cards):
    from django.contrib.auth.models import Group, Permission

    moderators = Group.objects.create(name="Модераторы мероприятий")
    moderators.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="opportunities"),
    )
    moderator = type(two["a"].account).objects.create_user("moderator", "m@example.ru", PASSWORD)
    moderator.groups.add(moderators)
    client.force_login(moderator)
    assert 'name="organisation"' in client.get(f"{LIST}new/").content.decode()
    assert client.post(f"{LIST}new/", form(atlas_cards, organisation=two["b"].pk)).status_code == 302
    assert Opportunity.objects.get(title="Профпроба «Сварщик на один день»").organisation == two["b"]
