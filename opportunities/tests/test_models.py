"""What an organisation writes is checked with clear Russian messages; the listing date follows the slots, the
«published» toggle and the organisation's approval."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from opportunities.models import Opportunity, OpportunityAccessibility, OpportunitySlot
from partners.models import Status

from .conftest import days, make_opportunity

pytestmark = pytest.mark.django_db


def errors_of(obj):
    with pytest.raises(ValidationError) as raised:
        obj.full_clean(exclude=["opportunity"])
    return raised.value.message_dict


def slot(**changed):
    return OpportunitySlot(
        **{"date": days(3), "start": datetime.time(10), "end": datetime.time(12), "places": 10, **changed}
    )


def test_a_slot_in_the_past_is_refused_with_a_clear_message():
    assert errors_of(slot(date=days(-1))) == {
        "date": ["Эта дата уже прошла: выберите сегодняшний или более поздний день."]
    }
    slot(date=days(0)).full_clean(exclude=["opportunity"])  # today is fine


def test_a_slot_ending_before_it_starts_is_refused():
    assert errors_of(slot(start=datetime.time(12), end=datetime.time(10))) == {
        "end": ["Окончание должно быть позже начала."]
    }
    assert "end" in errors_of(slot(start=datetime.time(12), end=datetime.time(12)))


@pytest.mark.parametrize("places", [0, -3])
def test_a_slot_needs_at_least_one_place(places):
    assert errors_of(slot(places=places)) == {"places": ["В слоте должно быть хотя бы одно место."]}


def test_grades_and_ages_must_be_in_order(atlas_cards, make_organisation):
    opportunity = Opportunity(
        organisation=make_organisation("ООО «Амурская верфь»"),
        kind="excursion",
        title="Экскурсия на верфь",
        description="<p>Цех</p>",
        district=atlas_cards["amur"],
        address="Амурск",
        grade_from=9,
        grade_to=5,
        age_from=16,
        age_to=12,
    )
    errors = errors_of(opportunity)
    assert errors["grade_to"] == ["Последний класс не может быть меньше первого."]
    assert errors["age_to"] == ["Верхняя граница возраста не может быть меньше нижней."]
    opportunity.grade_from = 12
    assert "grade_from" in errors_of(opportunity)


def test_online_needs_a_link_and_on_site_an_address(atlas_cards, make_organisation):
    fields = {"kind": "trial", "title": "Профпроба", "description": "<p>x</p>", "district": atlas_cards["amur"]}
    organisation = make_organisation("ООО «Амурская верфь»")
    assert "online_link" in errors_of(Opportunity(organisation=organisation, online=True, **fields))
    assert errors_of(Opportunity(organisation=organisation, address=" ", **fields))["address"] == [
        "Укажите адрес или отметьте «онлайн» и дайте ссылку."
    ]


def test_adapted_needs_to_say_what_is_adapted():
    assert errors_of(OpportunityAccessibility(category="deaf", adapted=True)) == {
        "what": ["Напишите, что приспособлено для этой категории."]
    }


def test_a_past_slot_already_saved_may_stay_as_it_is(atlas_cards, make_organisation):
    opportunity = make_opportunity(make_organisation("ООО «Верфь»"), district=atlas_cards["amur"], slots=[(5, 10)])
    old = opportunity.slots.get()
    OpportunitySlot.objects.filter(pk=old.pk).update(date=days(-2))
    old.refresh_from_db()
    old.full_clean(exclude=["opportunity"])  # unchanged: accepted
    old.date = days(-3)
    assert "date" in errors_of(old)  # moved into the past: refused


def test_the_listing_date_follows_slots_the_toggle_and_the_approval(atlas_cards, make_organisation):
    organisation = make_organisation("ООО «Верфь»")
    opportunity = make_opportunity(organisation, district=atlas_cards["amur"], slots=[(5, 10), (20, 10)])
    assert opportunity.listed_until == days(20)
    assert list(Opportunity.objects.listed()) == [opportunity]
    assert not Opportunity.objects.listed(today=days(21)).exists()  # after its last date it leaves the lists
    opportunity.published = False
    opportunity.save()
    assert opportunity.listed_until is None and not Opportunity.objects.listed().exists()
    opportunity.published = True
    opportunity.save()
    organisation.status = Status.REJECTED  # an approval withdrawn
    organisation.save()
    opportunity.refresh_from_db()
    assert opportunity.listed_until is None


def test_items_of_an_organisation_awaiting_approval_are_not_public_until_it_is_approved(
    atlas_cards, make_organisation, editor
):
    from partners import accounts

    waiting = make_organisation("ИП Ожидающий", approved=False)
    opportunity = make_opportunity(waiting, district=atlas_cards["amur"])
    assert opportunity.listed_until is None
    assert not Opportunity.objects.public().exists() and not Opportunity.objects.listed().exists()
    assert accounts.approve(waiting, editor)
    opportunity.refresh_from_db()
    assert opportunity.listed_until == days(7) and list(Opportunity.objects.listed()) == [opportunity]
