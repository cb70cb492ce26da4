"""Scoring of the questionnaire on known answer sets."""

from collections import Counter

import pytest

from career import klimov

from .conftest import answers_for

# The questions are snippets, in the database (written by a migration).
pytestmark = pytest.mark.django_db


def profile_of(text):
    return klimov.score(klimov.parse_answers(text))


def test_the_questionnaire_has_klimovs_structure():
    assert klimov.COUNT == 20
    questions = klimov.questions()
    assert len(questions) == klimov.COUNT
    offered = Counter(option.type for q in questions for option in (q.a, q.b))
    assert offered == dict.fromkeys(klimov.TYPES, 8)
    pairs = Counter(frozenset((q.a.type, q.b.type)) for q in questions)
    assert len(pairs) == 10 and set(pairs.values()) == {2}
    texts = [text for q in questions for o in (q.a, q.b) for text in (o.plain, o.easy)]
    assert all(texts) and len(set(texts)) == len(texts)


@pytest.mark.parametrize("chosen", klimov.TYPES)
def test_choosing_one_type_whenever_offered_scores_it_8_and_pronounced(chosen):
    profile = profile_of(answers_for(chosen))
    assert profile.scores[chosen] == 8
    assert sum(profile.scores.values()) == 20
    assert profile.leading == [chosen]
    row = next(r for r in profile.rows() if r["type"] == chosen)
    assert row["level"] == "pronounced"


def test_all_first_options_tie_every_type_at_four():
    profile = profile_of("a" * 20)
    assert profile.scores == dict.fromkeys(klimov.TYPES, 4)
    assert profile.leading == klimov.TYPES
    assert {row["level"] for row in profile.rows()} == {"average"}


def test_two_types_preferred_over_the_rest_tie_at_seven():
    # Nature wins over technique in question 1, technique over nature in question 11.
    answers = list(answers_for("nature", "technique"))
    answers[10] = "a"  # question 11: technique (a) or nature (b)
    profile = profile_of("".join(answers))
    assert profile.scores["nature"] == 7 and profile.scores["technique"] == 7
    assert profile.leading == ["nature", "technique"]


def test_nothing_answered_scores_zero_everywhere_and_leads_nowhere():
    profile = profile_of("-" * 20)
    assert profile.scores == dict.fromkeys(klimov.TYPES, 0)
    assert profile.leading == []
    assert {row["level"] for row in profile.rows()} == {"low"}


def test_a_type_never_chosen_is_low():
    profile = profile_of(answers_for("sign", "human", "nature", "technique"))
    assert profile.scores["art"] == 0
    assert klimov.level_of(profile.scores["art"]) == "low"


@pytest.mark.parametrize(
    ("score", "level"), [(0, "low"), (2, "low"), (3, "average"), (6, "average"), (7, "pronounced"), (8, "pronounced")]
)
def test_klimovs_bands(score, level):
    assert klimov.level_of(score) == level


@pytest.mark.parametrize("text", ["ab", "a" * 21, "c" * 20, "A" * 20, "а" * 20])
def test_malformed_answer_strings_are_refused(text):
    with pytest.raises(klimov.AnswersError):
        klimov.parse_answers(text)
