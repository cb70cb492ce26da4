"""The events held: coordinators record their own districts' only, the form refuses what cannot be, analysts read and
export every district's, and the portal's counts of indicators 7 and 8 follow (numbers worked out by hand)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Indicator, Observation
from reporting.held import publish_held_events
from reporting.models import EventKind, HeldEvent

from .test_access import assert_refused


@pytest.fixture
def indicators(collection):
    early = Indicator.objects.create(number=7, name="Доля участников ранней профориентации", unit=Indicator.PERCENT)
    disabled = Indicator.objects.create(number=8, name="Доля обучающихся с ОВЗ", unit=Indicator.PERCENT)
    amur = collection["amur"]
    # What Amursky reported: 1000 students for indicator 7 in 2024, 50 with disabilities for indicator 8 in 2023.
    Observation.objects.create(indicator=early, district=amur, year=2024, numerator=200, denominator=1000)
    Observation.objects.create(indicator=disabled, district=amur, year=2023, numerator=20, denominator=50)
    return early, disabled


def event(collection, district="amur", **numbers):
    fields = {"kind": EventKind.UNIFIED_DAY, "title": "Единый день", "date": datetime.date(2024, 4, 18)}
    fields["organiser"] = "МБОУ СОШ № 1"
    return HeldEvent.objects.create(district=collection[district], **{**fields, **numbers})


def form(collection, district="amur", **changes):
    data = {
        "district": collection[district].pk,
        "kind": EventKind.EARLY,
        "title": "Неделя профессий в детском саду",
        "date": "2024-10-03",
        "organiser": "МБДОУ № 5",
        "preschool": 10,
        "grades_1_4": 20,
        "grades_5_7": 0,
        "grades_8_9": 0,
        "grades_10_11": 0,
        "with_disabilities": 3,
        "parents": 12,
    }
    return {**data, **changes}


def test_a_coordinator_records_an_event_and_the_counts_follow(
    client, collection, indicators, django_capture_on_commit_callbacks
):
    early, disabled = indicators
    event(collection, grades_5_7=40, with_disabilities=2)
    client.force_login(collection["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting_events:add"), form(collection))
    assert response.status_code == 302
    recorded = HeldEvent.objects.get(title="Неделя профессий в детском саду")
    assert recorded.recorded_by == collection["coordinator"] and recorded.children == 30

    portal = {
        (o.indicator_id, o.district_id): (o.numerator, o.denominator, o.value, o.comment)
        for o in Observation.objects.from_portal().filter(is_current=True, year=2024)
    }
    amur = collection["amur"].pk
    # 7: 10 + 20 early-guidance children of 1000 students → 3 %; 8: 3 + 2 with disabilities of 50 → 10 %.
    assert portal[early.pk, amur][:3] == (30, 1000, 3)
    assert portal[disabled.pk, amur][:3] == (5, 50, 10)
    assert "за 2023 год (показатель 8)" in portal[disabled.pk, amur][3]
    assert portal[early.pk, None][:2] == (30, 1000)  # the krai: the districts counted
    assert publish_held_events.call() == 0  # nothing changed since

    with django_capture_on_commit_callbacks(execute=True):
        recorded.delete()
    assert Observation.objects.from_portal().get(indicator=early, district=amur, is_current=True).numerator == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()}, "date", "ещё не наступила"),
        ({"date": "2019-05-01"}, "date", "Программа началась в 2021 году."),
        ({"with_disabilities": 31}, "with_disabilities", "Больше, чем всех детей и обучающихся (30)."),
        (
            {"preschool": 0, "grades_1_4": 0, "with_disabilities": 0, "parents": 0},
            "preschool",
            "Укажите, сколько человек участвовало.",
        ),
        ({"grades_8_9": -4}, "grades_8_9", "Убедитесь, что это значение больше либо равно 0."),
    ],
)
def test_the_form_refuses_what_cannot_be(client, collection, changes, field, message):
    client.force_login(collection["coordinator"])
    response = client.post(reverse("reporting_events:add"), form(collection, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not HeldEvent.objects.exists()


def test_a_coordinator_keeps_to_their_districts_events(client, collection):
    theirs = event(collection, "vanino", title="Ванинская неделя без турникета", grades_8_9=25)
    client.force_login(collection["coordinator"])
    response = client.post(reverse("reporting_events:add"), form(collection, "vanino"))
    assert "Выберите один из своих районов." in " ".join(response.context["form"].errors["district"])
    listing = client.get(reverse("reporting_events:index")).content.decode()
    assert "Ванинская неделя без турникета" not in listing
    for url in (
        reverse("reporting_events:edit", args=[theirs.pk]),
        reverse("reporting_events:delete", args=[theirs.pk]),
        reverse("reporting_events:inspect", args=[theirs.pk]),
    ):
        assert client.get(url).status_code == 404, url
    client.post(reverse("reporting_events:delete", args=[theirs.pk]))
    assert HeldEvent.objects.filter(pk=theirs.pk).exists()


def test_the_analyst_reads_and_exports_every_districts_events_but_records_none(client, collection):
    event(collection, "vanino", grades_8_9=25)
    event(collection, "amur", title="Родительское собрание", kind=EventKind.PARENTS, parents=40)
    client.force_login(collection["analyst"])
    response = client.get(reverse("reporting_events:index") + "?export=csv")
    exported = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Ванинский муниципальный район" in exported and "Родительское собрание" in exported
    assert_refused(client.get(reverse("reporting_events:add")), "add")


def test_an_editor_without_a_role_sees_no_event(client, collection):
    event(collection)
    client.force_login(collection["editor"])
    assert_refused(client.get(reverse("reporting_events:index")), "index")
