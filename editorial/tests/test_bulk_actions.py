"""Bulk actions on profession cards with the project's roles (home.roles): a moderator's change goes live, an
editor's waits as a draft revision; someone who may not edit the cards is refused; an editor cannot bulk-publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages

from atlas.models import ProfessionPage
from home.roles import EDITORS, MODERATORS, ensure_editorial_roles


@pytest.fixture
def people(db, atlas_cards):
    ensure_editorial_roles()

    def person(username, group=None):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", "Massovo-2026-x")
        if group:
            user.groups.add(Group.objects.get(name=group))
        else:  # may enter the admin, but has no rights on pages
            user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        return user

    return {
        "editor": person("redaktor-b", EDITORS),
        "moderator": person("moderator-b", MODERATORS),
        "guest": person("gost"),
    }


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next=/admin/pages/"


def three_cards(atlas_cards):
    return [atlas_cards[key] for key in ("welder", "fitter", "nurse")]


def latest(card):
    return ProfessionPage.objects.get(pk=card.pk).get_latest_revision_as_object()


def test_a_moderator_moves_three_cards_to_another_sector_and_they_go_live(client, people, atlas_cards):
    cards, health = three_cards(atlas_cards), atlas_cards["health"]
    client.force_login(people["moderator"])
    form = client.get(bulk_url("change_sector", *cards))
    assert form.status_code == 200
    assert all(card.title in form.text for card in cards)
    assert "Здравоохранение" in form.text and "Судостроение" in form.text  # the choices
    response = client.post(bulk_url("change_sector", *cards), {"sector": health.pk})
    assert response.status_code == 302
    # The nurse was in health care already: two changed, one left.
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Изменены 2 профессиограммы. 1 профессиограмма осталась без изменений: у неё уже было это значение или его "
        "нельзя ей присвоить."
    ]
    for card in cards:
        live = ProfessionPage.objects.get(pk=card.pk)
        assert latest(card).sector == health
        assert live.sector == health and live.live and not live.has_unpublished_changes
    welder = ProfessionPage.objects.get(pk=atlas_cards["welder"].pk)
    assert welder.get_latest_revision().user == people["moderator"]


def test_an_editor_changes_the_sector_and_the_demand_as_drafts(client, people, atlas_cards):
    cards, health, ships = three_cards(atlas_cards), atlas_cards["health"], atlas_cards["ships"]
    client.force_login(people["editor"])
    response = client.post(bulk_url("change_sector", *cards), {"sector": health.pk})
    assert next(str(m).strip() for m in get_messages(response.wsgi_request)).startswith(
        "Изменены 2 профессиограммы. Из них 2 сохранены как черновики"
    )
    welder = ProfessionPage.objects.get(pk=atlas_cards["welder"].pk)
    assert latest(welder).sector == health  # the new revision has it
    assert welder.sector == ships and welder.has_unpublished_changes  # the live card waits for publishing
    # A second action builds on the draft, not on the live card: both changes are in the latest revision.
    client.post(bulk_url("change_demand_level", welder), {"demand_level": "low"})
    draft = latest(welder)
    assert (draft.sector, draft.demand_level) == (health, "low")
    assert ProfessionPage.objects.get(pk=welder.pk).demand_level == "high"


def test_someone_who_may_not_edit_the_cards_is_refused_and_other_pages_are_not_cards(client, people, atlas_cards):
    cards, health = three_cards(atlas_cards), atlas_cards["health"]
    client.force_login(people["guest"])
    form = client.get(bulk_url("change_sector", *cards))
    assert "Эти страницы вам нельзя редактировать" in form.text
    assert 'name="sector"' not in form.text  # nothing to apply the change to
    client.post(bulk_url("change_sector", *cards), {"sector": health.pk})
    assert ProfessionPage.objects.get(pk=atlas_cards["welder"].pk).get_latest_revision_as_object().sector != health

    client.force_login(people["moderator"])
    form = client.get(bulk_url("change_demand_level", atlas_cards["atlas"], atlas_cards["welder"]))
    assert "Эти страницы — не профессиограммы" in form.text
    client.post(bulk_url("change_demand_level", atlas_cards["atlas"], atlas_cards["welder"]), {"demand_level": "bogus"})
    assert ProfessionPage.objects.get(pk=atlas_cards["welder"].pk).demand_level == "high"  # the form refused it


def test_an_editor_without_the_publish_right_cannot_bulk_publish(client, people, atlas_cards):
    cards = three_cards(atlas_cards)
    for card in cards:
        card.unpublish()
        card.title += " (черновик)"
        card.save_revision(user=people["editor"])
    client.force_login(people["editor"])
    form = client.get(bulk_url("publish", *cards))
    # Wagtail's own screen (in Russian) lists the cards as refused and offers no form, only the way back.
    assert all(card.title in form.text for card in cards)
    assert '<form action="/admin/bulk/' not in form.text
    client.post(bulk_url("publish", *cards), {"include_descendants": ""})
    assert not ProfessionPage.objects.filter(pk__in=[card.pk for card in cards], live=True).exists()

    client.force_login(people["moderator"])  # the same action by a moderator publishes them
    client.post(bulk_url("publish", *cards), {"include_descendants": ""})
    assert ProfessionPage.objects.filter(pk__in=[card.pk for card in cards], live=True).count() == 3
