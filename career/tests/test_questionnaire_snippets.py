"""The questionnaire's questions as snippets: Klimov's balance holds on the stored content and no admin edit can
break it; the English site shows the translated wording and falls back to the Russian one, marked; the scoring does
not depend on the language."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from career import klimov
from career.models import QuestionnaireQuestion
from career.seed import Seeder

from .conftest import answers_for

pytestmark = pytest.mark.django_db


def russian():
    return QuestionnaireQuestion.objects.filter(locale__language_code="ru")


def test_the_stored_questions_hold_klimovs_balance():
    questions = list(russian())
    assert [q.number for q in questions] == list(range(1, 21))
    offered = Counter(t for q in questions for t in (q.type_a, q.type_b))
    assert offered == dict.fromkeys(klimov.TYPES, 8)
    pairs = Counter(frozenset((q.type_a, q.type_b)) for q in questions)
    assert len(pairs) == 10 and set(pairs.values()) == {2}


def edit_data(question, **changes):
    fields = ("number", "type_a", "text_a", "easy_a", "type_b", "text_b", "easy_b")
    return {**{name: getattr(question, name) for name in fields}, **changes}


def test_an_admin_edit_that_would_offer_a_pair_three_times_is_refused(admin_client):
    first = russian().get(number=1)
    assert {first.type_a, first.type_b} == {"nature", "technique"}
    url = reverse("wagtailsnippets_career_questionnairequestion:edit", args=[first.pk])
    assert admin_client.get(url).status_code == 200
    # nature – human is offered twice already: a third time would give nature 8 but human 9 and technique 7.
    response = admin_client.post(url, edit_data(first, type_b="human"))
    assert response.status_code == 200
    assert "эта пара встретилась бы чаще" in response.content.decode()  # the admin speaks Russian
    first.refresh_from_db()
    assert first.type_b == "technique"


def test_an_admin_edit_of_the_wording_is_saved(admin_client):
    first = russian().get(number=1)
    url = reverse("wagtailsnippets_career_questionnairequestion:edit", args=[first.pk])
    response = admin_client.post(url, edit_data(first, text_a="Выращивать мальков кеты на рыбоводном заводе"))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.text_a == "Выращивать мальков кеты на рыбоводном заводе"
    with translation.override("ru"):
        assert klimov.questions()[0].a.plain == "Выращивать мальков кеты на рыбоводном заводе"


def test_a_question_of_one_type_against_itself_or_a_second_number_is_refused():
    first = russian().get(number=1)
    first.type_b = first.type_a
    with translation.override("en"), pytest.raises(ValidationError, match="different types"):
        first.full_clean()
    second = russian().get(number=2)
    second.number = 1
    with translation.override("en"), pytest.raises(ValidationError, match="has this number"):
        second.full_clean()


@pytest.fixture
def english_questions(career):
    Seeder(log=lambda *a: None).run()
    return QuestionnaireQuestion.objects.filter(locale__language_code="en")


def test_the_seed_translates_every_question_keeping_its_types(english_questions):
    originals = {q.translation_key: q for q in russian()}
    assert english_questions.count() == 20
    for question in english_questions:
        original = originals[question.translation_key]
        assert (question.number, question.type_a, question.type_b) == (
            original.number,
            original.type_a,
            original.type_b,
        )
        assert question.text_a != original.text_a


def test_the_english_questionnaire_falls_back_to_the_russian_wording_marked(client, english_questions):
    english_questions.get(number=1).delete()
    response = client.get("/en/career-builder/oprosnik/", {"version": "plain", "layout": "page"})
    text = response.content.decode()
    first = russian().get(number=1)
    assert f'<span lang="ru">{first.text_a}</span>' in text
    assert f'<span lang="ru">{first.text_b}</span>' in text
    second = english_questions.get(number=2)
    assert f">{second.text_a}</label>" in text
    main = text.split("<main", 1)[1].split("</main>", 1)[0]
    assert main.count('<span lang="ru">') == 2


def test_the_scoring_reads_the_types_of_the_default_language_whatever_the_visitors(english_questions):
    # A translation whose types drifted (written past the form) must not change what an answer scores.
    english_questions.filter(number=1).update(type_a="art", type_b="sign")
    answers = klimov.parse_answers(answers_for("nature"))
    with translation.override("ru"):
        russian_profile = klimov.score(answers)
    with translation.override("en"):
        assert klimov.questions()[0].a.type == "nature"
        assert klimov.score(answers) == russian_profile
    assert russian_profile.scores["nature"] == 8


def test_the_questions_cost_two_queries_once_then_none(english_questions, django_assert_num_queries):
    with translation.override("en"):
        with django_assert_num_queries(2):
            klimov.questions()
        with django_assert_num_queries(0):
            assert len(klimov.questions()) == 20
