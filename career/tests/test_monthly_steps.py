"""«What to do this month» as snippets: the migration wrote the former steps, the route reads them in the visitor's
language and marks the ones without a translation."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from career.calendar import MONTHLY_STEPS
from career.models import MonthlyStep
from career.route import monthly_steps
from career.seed import Seeder

pytestmark = pytest.mark.django_db


def test_every_band_has_one_to_three_steps_every_month_as_before():
    with translation.override("ru"):
        for band, months in MONTHLY_STEPS.items():
            assert sorted(months) == list(range(1, 13))
            for month, pairs in months.items():
                assert [step.text for step in monthly_steps(band, month)] == [ru for ru, _en in pairs]


@pytest.fixture
def english_steps(career):
    Seeder(log=lambda *a: None).run()
    return MonthlyStep.objects.filter(locale__language_code="en")


def route_steps_html(steps):
    return render_to_string("career/includes/route_body.html", {"plan": SimpleNamespace(steps=steps)})


def test_the_english_route_shows_the_translated_steps_and_marks_the_others(english_steps):
    assert english_steps.count() == MonthlyStep.objects.filter(locale__language_code="ru").count() == 72
    untranslated = english_steps.get(grade_band="8-9", month=9, sort_order=1)
    untranslated.delete()
    with translation.override("en"):
        steps = monthly_steps("8-9", 9)
        html = route_steps_html(steps)
    (first_ru, _first_en), *others = MONTHLY_STEPS["8-9"][9]
    assert f'<li lang="ru">{first_ru}</li>' in html
    for _ru, en in others:
        assert f"<li>{en}</li>" in html
    with translation.override("ru"):
        assert 'lang="ru"' not in route_steps_html(monthly_steps("8-9", 9))


def test_the_steps_of_a_month_cost_one_query_or_two_in_english(english_steps, django_assert_num_queries):
    with translation.override("ru"), django_assert_num_queries(1):
        monthly_steps("10-11", 3)
    with translation.override("en"), django_assert_num_queries(2):
        monthly_steps("10-11", 3)
