"""Editors approve or reject confirmed requests in the admin; approval opens a narrowed admin for the organisation."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission

from partners.models import Organisation, Status
from partners.permissions import ORGANISATIONS_GROUP

from .conftest import PASSWORD, VALID_INN_12, signs_in

pytestmark = pytest.mark.django_db
REQUESTS = "/admin/organisations/requests/"
PROFILE = "/admin/organisations/profile/"


def approve(client, reviewer, organisation):
    client.force_login(reviewer)
    assert client.get(f"{REQUESTS}{organisation.pk}/approve/").status_code == 200
    response = client.post(f"{REQUESTS}{organisation.pk}/approve/")
    assert response.status_code == 302
    client.logout()
    organisation.refresh_from_db()
    return organisation


def test_editors_list_requests_by_status_with_the_decisions_for_confirmed_ones(client, registered, confirmed, reviewer):
    waiting = confirmed()
    unconfirmed, _link = registered(inn=VALID_INN_12, email="new@example.ru", new_name="ИП Петров")
    client.force_login(reviewer)
    listing = client.get(REQUESTS, {"status": Status.CONFIRMED}).content.decode()
    assert waiting.name in listing and "ИП Петров" not in listing
    assert f"{REQUESTS}{waiting.pk}/approve/" in listing and f"{REQUESTS}{waiting.pk}/reject/" in listing
    everything = client.get(REQUESTS).content.decode()
    assert "ИП Петров" in everything and f"{REQUESTS}{unconfirmed.pk}/approve/" not in everything


def test_approval_opens_the_account_with_its_group_collection_and_a_letter(client, confirmed, reviewer):
    organisation = confirmed()
    sent = len(mail.outbox)
    organisation = approve(client, reviewer, organisation)
    assert organisation.status == Status.APPROVED and organisation.decided_by == reviewer
    account = organisation.account
    account.refresh_from_db()
    assert account.is_active
    assert set(account.groups.values_list("name", flat=True)) == {ORGANISATIONS_GROUP, organisation.group.name}
    assert Group.objects.get(name=ORGANISATIONS_GROUP).permissions.filter(codename="access_admin").exists()
    collection = organisation.collection
    assert collection.name == organisation.name and collection.get_parent() == Collection.get_first_root_node()
    assert set(
        GroupCollectionPermission.objects.filter(collection=collection).values_list(
            "group__name", "permission__codename"
        )
    ) == {(organisation.group.name, codename) for codename in ("add_image", "change_image", "choose_image")}
    assert len(mail.outbox) == sent + 1
    letter = mail.outbox[-1]
    assert letter.to == [organisation.email] and letter.subject == f"Учётная запись {organisation.name} открыта"
    assert "http://127.0.0.1:8000/admin/" in letter.body
    # Its person signs in and is told what to do next.
    assert signs_in(client, organisation.email, PASSWORD)
    dashboard = client.get("/admin/").content.decode()
    assert "что сделать дальше" in dashboard and f"{PROFILE}edit/{organisation.pk}/" in dashboard


def test_an_unconfirmed_request_cannot_be_approved(client, registered, reviewer):
    organisation, _link = registered()
    client.force_login(reviewer)
    client.post(f"{REQUESTS}{organisation.pk}/approve/")
    organisation.refresh_from_db()
    assert organisation.status == Status.UNCONFIRMED and not organisation.account.is_active


def test_rejection_keeps_the_account_closed_and_tells_the_contact(client, confirmed, reviewer):
    organisation = confirmed()
    client.force_login(reviewer)
    assert client.post(f"{REQUESTS}{organisation.pk}/reject/").status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == Status.REJECTED and organisation.collection is None
    assert not organisation.account.is_active
    assert mail.outbox[-1].subject == f"Заявка на учётную запись {organisation.name}"
    client.logout()
    assert not signs_in(client, organisation.email, PASSWORD)


def test_an_organisation_sees_and_edits_only_its_own_profile(client, confirmed, reviewer):
    a = approve(client, reviewer, confirmed(new_name="ООО «Альфа»"))
    b = approve(client, reviewer, confirmed(new_name="ИП Бета", inn=VALID_INN_12, email="beta@example.ru"))
    assert signs_in(client, a.email, PASSWORD)
    listing = client.get(PROFILE).content.decode()
    assert "ООО «Альфа»" in listing and "ИП Бета" not in listing
    assert client.get(f"{PROFILE}edit/{a.pk}/").status_code == 200
    assert client.get(f"{PROFILE}edit/{b.pk}/").status_code == 404
    forged = client.post(f"{PROFILE}edit/{b.pk}/", {"contact_name": "Взломщик", "contact_position": "x"})
    assert forged.status_code == 404
    b.refresh_from_db()
    assert b.contact_name != "Взломщик"
    # Its own profile it changes.
    saved = client.post(
        f"{PROFILE}edit/{a.pk}/",
        {"description": "Строим суда.", "website": "", "contact_name": "Иванова М. П.", "contact_position": "HR"},
    )
    assert saved.status_code == 302
    a.refresh_from_db()
    assert a.description == "Строим суда." and a.contact_name == "Иванова М. П."
    # Nor the editors' list, nor adding or deleting organisations.
    assert client.get(REQUESTS).status_code in (302, 403)
    assert client.get(f"{REQUESTS}{b.pk}/approve/").status_code in (302, 403)
    assert client.get(f"{PROFILE}new/").status_code in (302, 403)
    assert client.get(f"{PROFILE}delete/{a.pk}/").status_code in (302, 403)


def menu_names(html):
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return set(re.findall(r'"name": "([^"]+)"', props.group(1)))


def test_the_organisation_menu_shows_only_what_it_manages(client, confirmed, reviewer):
    organisation = approve(client, reviewer, confirmed())
    client.force_login(reviewer)
    editors_menu = menu_names(client.get("/admin/").content.decode())
    assert {"explorer", "snippets", "partners_review"} <= editors_menu and "partners_profile" not in editors_menu
    client.logout()
    assert signs_in(client, organisation.email, PASSWORD)
    menu = menu_names(client.get("/admin/").content.decode())
    assert "partners_profile" in menu and "images" in menu
    assert not {"explorer", "snippets", "reports", "settings", "documents", "partners_review", "help"} & menu


def test_old_rejected_and_lapsed_requests_are_forgotten(client, registered, confirmed, reviewer, settings):
    rejected = confirmed()
    client.force_login(reviewer)
    client.post(f"{REQUESTS}{rejected.pk}/reject/")
    recent, _link = registered(inn=VALID_INN_12, email="recent@example.ru", new_name="ИП Свежий")
    call_command("forget_organisation_requests", stdout=io.StringIO())
    assert Organisation.objects.count() == 2  # nothing is old yet
    Organisation.objects.filter(pk=rejected.pk).update(decided_at=timezone.now() - timedelta(days=31))
    settings.PARTNER_CONFIRMATION_DAYS = 0
    call_command("forget_organisation_requests", stdout=io.StringIO())
    assert not Organisation.objects.exists()
    assert not type(reviewer).objects.filter(pk__in=[rejected.account_id, recent.account_id]).exists()
