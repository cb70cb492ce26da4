"""The atlas professions ranked for a profile: the expected ones first, with the reasons."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from atlas.factories import ProfessionPageFactory
from career.ranking import rank
from career.state import Diagnosis

from .conftest import answers_for


def titles(ranking):
    return [s.page.title for s in ranking.suggestions]


def test_the_leading_type_comes_first(career):
    ru = Locale.objects.get(language_code="ru")
    for chosen, first in (
        ("nature", "Ветеринарный фельдшер"),
        ("human", "Учитель начальных классов"),
        ("sign", "Программист"),
        ("art", "Дизайнер"),
    ):
        ranking = rank(Diagnosis(answers=answers_for(chosen), grade=9), ru)
        assert titles(ranking)[0] == first, chosen
        assert "8 of 8" in ranking.suggestions[0].reasons[0] or "8 из 8" in ranking.suggestions[0].reasons[0]


def test_subjects_district_and_level_order_professions_of_one_type(career):
    ru = Locale.objects.get(language_code="ru")
    technical = Diagnosis(answers=answers_for("technique"), grade=9)
    assert titles(rank(technical, ru))[:2] == ["Пилот", "Сварщик"]  # equal fit: title order
    local = technical.but(district="amurskii", level="spo", subjects=("physics",))
    ranking = rank(local, ru)
    assert titles(ranking)[:2] == ["Сварщик", "Пилот"]
    welder = ranking.suggestions[0]
    assert any("Амурский район" in reason for reason in welder.reasons)
    assert any("Физика" in reason for reason in welder.reasons)


def test_a_disability_category_hides_unsuitable_and_flags_limited(career):
    ru = Locale.objects.get(language_code="ru")
    ranking = rank(Diagnosis(answers=answers_for("technique"), grade=10), ru, disability="hearing")
    assert "Пилот" not in titles(ranking)
    assert ranking.hidden_as_unsuitable == 1
    welder = next(s for s in ranking.suggestions if s.page.title == "Сварщик")
    assert any("Нужны световые сигналы" in caution for caution in welder.cautions)
    vet = next(s for s in ranking.suggestions if s.page.title == "Ветеринарный фельдшер")
    assert vet.cautions  # nothing known: say so rather than promise


def test_ranking_reads_a_constant_number_of_queries(career):
    ru = Locale.objects.get(language_code="ru")
    diagnosis = Diagnosis(answers=answers_for("technique"), grade=9, district="amurskii", subjects=("math",))

    def count():
        with CaptureQueriesContext(connection) as queries:
            rank(diagnosis, ru, disability="hearing")
        return len(queries)

    count()  # the first ranking fills the cached look-ups (the private sections), as the site's first visitor does
    before = count()
    for n in range(15):
        ProfessionPageFactory(parent=career["atlas"], title=f"Ещё профессия {n}", klimov_type="sign")
    assert count() == before
