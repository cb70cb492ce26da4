"""«What to do this month» as snippets: the migration wrote the former steps, the route reads them in the visitor's
language and marks the ones without a translation."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from career.calendar import MONTHLY_STEPS, for_one_grade
from career.models import MonthlyStep
from career.route import monthly_steps
from career.seed import Seeder
from career.state import GRADE_BANDS

pytestmark = pytest.mark.django_db


def for_grade(pairs, grade, language=0):
    """The texts of ``pairs`` a student of ``grade`` sees: those for another grade left out, the condition dropped."""
    shown = [for_one_grade(pair[language]) for pair in pairs]
    return [text for only, text in shown if only in (None, grade)]


def test_every_band_has_one_to_three_steps_every_month_as_before():
    with translation.override("ru"):
        for band, months in MONTHLY_STEPS.items():
            assert sorted(months) == list(range(1, 13))
            for month, pairs in months.items():
                for grade in dict(GRADE_BANDS)[band]:
                    assert [step.text for step in monthly_steps(grade, month)] == for_grade(pairs, grade)


def test_a_step_for_one_grade_addresses_that_grade_directly_and_no_other():
    with translation.override("ru"):
        ninth = [step.text for step in monthly_steps(9, 3)]
        eighth = [step.text for step in monthly_steps(8, 3)]
    assert not any("9-м классе" in text for text in ninth + eighth)
    assert any(text.startswith("Реши вместе с родителями, куда пойдёшь после 9-го") for text in ninth)
    assert not any("куда пойдёшь после 9-го" in text for text in eighth)
    assert for_one_grade("Если ты в 9-м классе и выбираешь колледж, подай документы") == (
        9,
        "Если выбираешь колледж, подай документы",
    )
    assert for_one_grade("If you are in grade 9, register for the OGE") == (9, "Register for the OGE")


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
        steps = monthly_steps(9, 9)
        html = route_steps_html(steps)
    first_ru, *_others = for_grade(MONTHLY_STEPS["8-9"][9], 9)
    assert f'<li lang="ru">{first_ru}</li>' in html
    for en in for_grade(MONTHLY_STEPS["8-9"][9], 9, language=1)[1:]:
        assert f"<li>{en}</li>" in html
    with translation.override("ru"):
        assert 'lang="ru"' not in route_steps_html(monthly_steps(9, 9))


def test_the_steps_of_a_month_cost_one_query_or_two_in_english(english_steps, django_assert_num_queries):
    with translation.override("ru"), django_assert_num_queries(1):
        monthly_steps(11, 3)
    with translation.override("en"), django_assert_num_queries(2):
        monthly_steps(11, 3)
