"""Organisations, atlas cards and opportunities built for each test (nothing from the seed)."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.search import index

from atlas.factories import AtlasIndexPageFactory, DistrictFactory, ProfessionPageFactory, SectorFactory
from conftest import forget_indexed, refresh_index  # noqa: F401 (refresh_index is imported from here)
from opportunities.models import (
    Opportunity,
    OpportunityAccessibility,
    OpportunityIndexPage,
    OpportunitySlot,
)
from partners import accounts
from partners.models import Organisation, Status
from portal.groups import teachers_group

PASSWORD = "Kolokol-Amur-2026"
_numbers = itertools.count(1)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktor", "redaktor@example.ru", "Redaktor-pass-2026")


@pytest.fixture
def make_organisation(editor):
    """``make_organisation(name, approved=True)``: an organisation account, approved by an editor (with its group and
    image collection, as the admin does it) unless ``approved`` is false (then it awaits approval)."""

    def make(name, approved=True):
        number = next(_numbers)
        account = get_user_model().objects.create_user(
            f"org{number}@example.ru", f"org{number}@example.ru", PASSWORD, is_active=False
        )
        organisation = Organisation.objects.create(
            name=name,
            inn=f"{number:010d}",
            contact_name="Иванова Мария",
            contact_position="Специалист по кадрам",
            email=account.email,
            account=account,
            language="ru",
            consent_at=timezone.now(),
            confirmed_at=timezone.now(),
            status=Status.CONFIRMED,
        )
        if approved:
            assert accounts.approve(organisation, editor)
            organisation.refresh_from_db()
        return organisation

    return make


@pytest.fixture
def atlas_cards(site_tree):
    """Two sectors, two districts and three profession cards (the welder and the fitter in shipbuilding, the nurse
    in health care)."""
    home, _english = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    ships, health = SectorFactory(name="Судостроение"), SectorFactory(name="Здравоохранение")
    amur, vanino = DistrictFactory(name="Амурский район"), DistrictFactory(name="Ванинский район")
    cards = {
        "welder": ProfessionPageFactory(parent=atlas, title="Сварщик", slug="svarshchik", sector=ships),
        "fitter": ProfessionPageFactory(parent=atlas, title="Слесарь-сборщик", slug="slesar", sector=ships),
        "nurse": ProfessionPageFactory(parent=atlas, title="Медицинская сестра", slug="medsestra", sector=health),
    }
    return {"atlas": atlas, "home": home, "ships": ships, "health": health, "amur": amur, "vanino": vanino, **cards}


@pytest.fixture
def index_page(atlas_cards):
    home = atlas_cards["home"]
    page = OpportunityIndexPage(title="Профпробы и экскурсии", slug="profproby")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_opportunity(organisation, *, slots=((7, 5),), professions=(), access=(), reindex=True, **fields):
    """An opportunity of ``organisation`` with a slot for each (days from today, places) in ``slots``, linked to the
    ``professions`` cards, adapted for the categories in ``access``; indexed with its links (in production the worker
    indexes it once the save commits, when its links are written)."""
    values = {
        "kind": "excursion",
        "title": f"Экскурсия {next(_numbers)}",
        "description": "<p>Покажем цех и расскажем о профессиях.</p>",
        "address": "Хабаровск, ул. Заводская, 1",
        "grade_from": 8,
        "grade_to": 11,
        **fields,
    }
    opportunity = Opportunity(organisation=organisation, **values)
    opportunity.slots = [
        OpportunitySlot(date=days(offset), start=datetime.time(10), end=datetime.time(12), places=places)
        for offset, places in slots
    ]
    opportunity.accessibility = [
        OpportunityAccessibility(category=category, adapted=True, what="Пандус и лифт") for category in access
    ]
    opportunity.professions = list(professions)
    opportunity.save()
    if reindex:
        index.insert_or_update_object(opportunity)
    return opportunity


def forget_indexed_opportunities():
    """Rolled-back tests leave their opportunities in OpenSearch (see the root conftest's forget_indexed_pages)."""
    forget_indexed(Opportunity)


@pytest.fixture
def make_teacher(db):
    """``make_teacher(name)``: a signed-in-able teacher: an active account in «Педагоги», as approval makes it."""

    def make(username="uchitel"):
        user = get_user_model().objects.create_user(
            username, f"{username}@school.example.ru", PASSWORD, first_name="Анна", last_name="Сергеевна"
        )
        user.groups.add(teachers_group())
        return user

    return make


def booking_data(slot, **changed):
    """The booking form's fields for a valid booking of ``slot``, with any changed by keyword."""
    return {
        "slot": slot.pk,
        "school": "МБОУ СОШ № 5 г. Амурска",
        "district": slot.opportunity.district_id,
        "grade": 9,
        "students": 12,
        "students_with_disabilities": 2,
        "adaptations": ["hearing"],
        "adaptations_note": "Один ученик плохо слышит: нужен сурдопереводчик или текст инструктажа.",
        "contact_name": "Анна Сергеевна",
        "contact_phone": "+7 914 000-00-00",
        "contact_email": "anna@school.example.ru",
        **changed,
    }


def booking_fields(slot, **changed):
    """What ``bookings.book`` takes besides the slot for the same valid booking: the form's cleaned values."""
    fields = {name: value for name, value in booking_data(slot, **changed).items() if name != "slot"}
    fields["district_id"] = fields.pop("district")
    return fields
