"""«What to do this month» as snippets: the migration wrote the former steps, the route reads them in the visitor's
language and marks the ones without a translation."""

import re
from importlib import import_module
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
    assert any(text.startswith("Решите вместе с родителями, куда пойдёте после 9-го") for text in ninth)
    assert not any("куда пойдёте после 9-го" in text for text in eighth)
    assert for_one_grade("Если вы в 9-м классе и выбираете колледж, подайте документы") == (
        9,
        "Если вы выбираете колледж, подайте документы",
    )
    assert for_one_grade("Если вы в 11-м классе, напишите сочинение") == (11, "Напишите сочинение")
    # The first wording («ты»), still in the databases of sites built before migration 0009.
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


# «ты» and its forms, and the informal imperatives and verbs of the first wording of the steps.
INFORMAL = re.compile(
    r"\b(?:ты|тебе|тебя|тобой|твой|твоя|твоё|твое|твои|твоего|твоему|твоим|твоих|твою|твоей|твоём"
    r"|выбери|прочитай|поговори|пройди|посмотри|сходи|узнай|вспомни|запиши|попробуй|помоги|заметь|присмотрись"
    r"|подумай|найди|запишись|позанимайся|спроси|записывай|задай|подведи|обсуди|подготовься|подай|сравни"
    r"|расспроси|реши|подтяни|готовься|следи|пропусти|помни|отмечай|ищи|составь|прими|определись|начни|прикинь"
    r"|решай|проверь|собери|сосредоточься|договорись|подавай|смотри|напиши"
    r"|знаешь|пойдёшь|выбираешь|остаёшься|поступаешь|хочешь|теряешь|сомневаешься|идёшь|будешь)\b",
    re.IGNORECASE,
)


def test_every_russian_step_addresses_the_student_as_vy():
    written = [russian for months in MONTHLY_STEPS.values() for pairs in months.values() for russian, _en in pairs]
    in_database = list(MonthlyStep.objects.filter(locale__language_code="ru").values_list("text", flat=True))
    assert len(in_database) == len(written) == 72
    assert INFORMAL.search("Если ты в 9-м классе, выбери") and INFORMAL.search("Твоё дело")
    assert [text for text in written + in_database if INFORMAL.search(text)] == []
    assert all(re.search(r"\b(?:вы|вас|вам|ваш\w*)\b|\w+(?:ите|йте|ьте)(?:сь)?\b", text) for text in written)


def test_a_fresh_database_has_the_steps_for_one_grade_split_off():
    """Built by the migrations: 0006 wrote the «вы» wording, 0008 read its grade condition."""
    steps = MonthlyStep.objects.filter(locale__language_code="ru")
    conditional = [text for text in steps.values_list("text", flat=True) if re.match(r"Если (вы|ты) в \d+-м", text)]
    assert conditional == []
    written = [russian for months in MONTHLY_STEPS.values() for pairs in months.values() for russian, _en in pairs]
    assert steps.filter(grade__isnull=False).count() == sum(1 for text in written if for_one_grade(text)[0]) == 26
    step = steps.get(grade_band="8-9", month=6, sort_order=1)
    assert (step.grade, step.text[:45]) == (9, "Если вы выбираете колледж, подайте документы:")
    step = steps.get(grade_band="10-11", month=12, sort_order=1)
    assert (step.grade, step.text) == (
        11,
        "Напишите итоговое сочинение в первую среду декабря: «зачёт» за него — допуск к ЕГЭ.",
    )


def test_migration_0009_rewords_the_unchanged_steps_of_a_site_built_before_and_leaves_the_edited_ones():
    from django.apps import apps

    migration = import_module("career.migrations.0009_monthly_steps_address_as_vy")
    steps = MonthlyStep.objects.filter(locale__language_code="ru")
    # As 0006 wrote it (no grade condition), as 0008 left it (condition dropped), and one an editor changed.
    whole = steps.get(grade_band="5-7", month=1, sort_order=1)
    split = steps.get(grade_band="8-9", month=6, sort_order=1)
    edited = steps.get(grade_band="8-9", month=3, sort_order=1)
    old_whole = (
        "Выбери в атласе профессий три профессии, о которых ты ещё ничего не знаешь, и прочитай, чем там занимаются."
    )
    old_split = (
        "Если выбираешь колледж, подай документы: приём начинается не позднее 20 июня, подать их можно в несколько "
        "колледжей."
    )
    mine = "Сходи на день открытых дверей в колледж, который тебя интересует (наш — в субботу)."
    new_whole, new_split = whole.text, split.text
    for step, text in ((whole, old_whole), (split, old_split), (edited, mine)):
        step.text = text
        step.save(update_fields=["text"])

    migration.address_as_vy(apps, None)
    for step in (whole, split, edited):
        step.refresh_from_db()
    assert (whole.text, split.text, split.grade, edited.text) == (new_whole, new_split, 9, mine)

    migration.address_as_ty(apps, None)
    for step in (whole, split, edited):
        step.refresh_from_db()
    assert (whole.text, split.text, edited.text) == (old_whole, old_split, mine)
