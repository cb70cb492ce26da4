"""A programme's ages: from 5 to 18, the first not above the last (the form's message, and the database's rule)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from extracurricular.models import ExtracurricularProgramme

from .conftest import make_programme

pytestmark = pytest.mark.django_db


def programme(district, **ages):
    return ExtracurricularProgramme(
        title_ru="Шахматы", organisation="Дом детского творчества", district=district, direction="sports", **ages
    )


@pytest.mark.parametrize(
    ("ages", "field"),
    [
        ({"age_from": 4, "age_to": 7}, "age_from"),
        ({"age_from": 12, "age_to": 19}, "age_to"),
        ({"age_from": 12, "age_to": 10}, "age_to"),
    ],
)
def test_ages_out_of_range_or_order_are_refused_with_a_message(districts, ages, field):
    with pytest.raises(ValidationError) as refused:
        programme(districts["amur"], **ages).full_clean()
    assert field in refused.value.message_dict


@pytest.mark.parametrize("ages", [{"age_from": 5, "age_to": 18}, {"age_from": 10, "age_to": 10}])
def test_ages_within_the_range_are_accepted(districts, ages):
    programme(districts["amur"], **ages).full_clean()


def test_the_database_refuses_ages_in_the_wrong_order_too(districts):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_programme(districts["amur"], age_from=12, age_to=9, reindex=False)


def test_its_facets(districts):
    item = make_programme(districts["vanino"], direction="arts", age_from=9, age_to=14, cost="paid")
    assert item.search_facets() == {
        "kind": ["extracurricular"],
        "district": [districts["vanino"].slug],
        "age": ["8-10", "11-13", "14-15"],
        "direction": ["arts"],
        "cost": ["paid"],
    }
