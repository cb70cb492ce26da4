"""Observations: the share is computed, bad values are refused, corrections keep the history."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from monitoring.models import Observation
from monitoring.models.observations import observation_problems


def observe(indicator, district, year, numerator, denominator=None, **extra):
    observation = Observation(
        indicator=indicator, district=district, year=year, numerator=numerator, denominator=denominator, **extra
    )
    observation.full_clean()
    observation.save()
    return observation


def test_share_is_computed_from_numerator_and_denominator(monitoring):
    assert observe(monitoring["diagnostics"], monitoring["amur"], 2022, 3, 8).value == Decimal("37.50")
    assert observe(monitoring["diagnostics"], monitoring["vanino"], 2022, 1, 3).value == Decimal("33.33")
    assert observe(monitoring["contests"], None, 2022, 4).value == Decimal(4)


@pytest.mark.parametrize(
    ("indicator", "year", "numerator", "denominator", "field", "message"),
    [
        ("diagnostics", 2022, 5, 0, "denominator", "больше нуля"),
        ("diagnostics", 2022, 9, 8, "numerator", "112,5\u00a0%"),
        ("diagnostics", 2022, 5, None, "denominator", "укажите, от чего она считается"),
        ("contests", 2022, 3, 10, "denominator", "оставьте знаменатель пустым"),
        ("diagnostics", 2020, 1, 10, "year", "2021–2024"),
        ("diagnostics", 2025, 1, 10, "year", "2025"),
        ("contests", 2022, -1, None, "numerator", "отрицательным"),
    ],
)
def test_every_refusal_rule(monitoring, indicator, year, numerator, denominator, field, message):
    problems = observation_problems(monitoring[indicator], year, numerator, denominator)
    assert field in problems and message in str(problems[field])


def test_model_validation_refuses_a_share_over_100_percent(monitoring):
    with pytest.raises(ValidationError) as error:
        observe(monitoring["diagnostics"], monitoring["amur"], 2022, 9, 8)
    assert "numerator" in error.value.message_dict
    assert not Observation.objects.exists()


def test_a_correction_replaces_the_value_and_keeps_the_earlier_one(monitoring):
    first = observe(monitoring["diagnostics"], monitoring["amur"], 2022, 3, 8)
    second = observe(monitoring["diagnostics"], monitoring["amur"], 2022, 4, 8, comment="Исправлено")
    first.refresh_from_db()
    assert not first.is_current and second.is_current and second.replaces == first
    assert [o.value for o in second.history()] == [Decimal("50.00"), Decimal("37.50")]
    assert Observation.objects.filter(is_current=True).count() == 1


def test_editing_in_the_admin_records_a_correction(admin_client, admin_user, monitoring):
    first = observe(monitoring["diagnostics"], monitoring["amur"], 2022, 3, 8)
    url = reverse("wagtailsnippets_monitoring_observation:edit", args=[first.pk])
    response = admin_client.post(
        url,
        {
            "indicator": monitoring["diagnostics"].pk,
            "district": monitoring["amur"].pk,
            "year": 2022,
            "numerator": 6,
            "denominator": 8,
            "source": "Оперативные данные ОМСУ",
            "comment": "Уточнено районом",
        },
    )
    assert response.status_code == 302
    current = Observation.objects.get(is_current=True)
    assert current.pk != first.pk and current.value == Decimal("75.00") and current.entered_by == admin_user
    first.refresh_from_db()
    assert first.value == Decimal("37.50") and not first.is_current  # the history is untouched


def test_admin_refuses_a_bad_observation_with_the_reason(admin_client, monitoring):
    response = admin_client.post(
        reverse("wagtailsnippets_monitoring_observation:add"),
        {
            "indicator": monitoring["diagnostics"].pk,
            "district": "",
            "year": 2022,
            "numerator": 10,
            "denominator": 0,
            "source": "x",
        },
    )
    assert response.status_code == 200 and "Знаменатель должен быть больше нуля" in response.content.decode()
    assert not Observation.objects.exists()


def test_the_admin_form_hears_every_rule_even_without_a_year(monitoring):
    # The year is missing and the share is over 100 %: both are reported, not only the first.
    observation = Observation(
        indicator=monitoring["diagnostics"], district=monitoring["amur"], numerator=9, denominator=8
    )
    with pytest.raises(ValidationError) as error:
        observation.full_clean()
    assert {"year", "numerator"} <= set(error.value.message_dict)
    assert "112,5\u00a0%" in " ".join(error.value.message_dict["numerator"])
