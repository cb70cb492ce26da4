"""The seed's early-guidance kit and parents' meetings (issue 21): the finder's preschool and grades 1–4 filters
find their lessons, the format «parents' meeting» finds one script per grade band, and every handout is a document
with a real file."""

import io

import openpyxl
import pytest
from pypdf import PdfReader

from methodics.choices import GRADE_BANDS
from methodics.models import LessonPage, MethodicalKitPage, MethodicsIndexPage

PRESCHOOL = [
    "Сюжетно-ролевая игра «Больница»",
    "Мастерская в стиле BabySkills «Юный повар»",
    "Игра с картинками «Кому что нужно для работы»",
]
GRADES_1_4 = [
    "Семейный проект «Профессии моей семьи»",
    "Экскурсия с родителями «Где работают взрослые»",
    "Корабли, самолёты, лес и рыба: профессии нашего края",
    "Игра с картинками «Кому что нужно для работы»",
]
MEETINGS = {
    "1-4": "Чем ребёнок любит заниматься: наблюдаем вместе",
    "5-7": "Впереди выбор профиля: как помочь, а не решить за ребёнка",
    "8-9": "ОГЭ, колледж или 10 класс: выбираем дорогу после 9 класса",
    "10-11": "ЕГЭ, вуз или колледж: целевое обучение и меры поддержки",
}


@pytest.fixture
def seeded(seeded_site, db):
    """The site load_seed built (conftest.py: seeded_site), shared with the other tests on it."""


def found(client, **query):
    index = MethodicsIndexPage.objects.live().get(
        locale__language_code="ru"
    )  # the Russian lessons: the English index lists only the translated ones
    response = client.get(index.url, query)
    assert response.status_code == 200 and not response.context["form"].errors
    return [lesson.title for lesson, _kit in response.context["lessons"]]


def test_the_preschool_filter_finds_the_early_lessons(client, seeded):
    lessons = found(client, audience="preschool")
    assert set(PRESCHOOL) <= set(lessons)
    assert "Семейный проект «Профессии моей семьи»" not in lessons  # grades 1–2 only


def test_the_grades_1_4_filter_finds_the_early_lessons_and_the_meeting(client, seeded):
    lessons = found(client, audience="1-4")
    assert {*GRADES_1_4, MEETINGS["1-4"]} <= set(lessons)
    assert "Сюжетно-ролевая игра «Больница»" not in lessons  # preschool only


def test_the_parents_meeting_format_finds_one_script_per_band(client, seeded):
    assert sorted(found(client, format="parents_meeting")) == sorted(MEETINGS.values())
    for band, title in MEETINGS.items():
        assert found(client, format="parents_meeting", audience=band) == [title]
    meetings = LessonPage.objects.live().filter(format="parents_meeting", locale__language_code="ru")
    assert {m.get_parent().title for m in meetings} == {
        "Выбираем вместе: родительские собрания о профессиональном выборе"
    }


def test_the_early_kit_has_six_lessons_for_young_children_with_real_plans(seeded):
    kit = MethodicalKitPage.objects.live().get(title="Ранняя профориентация: дошкольники и начальная школа")
    lessons = list(kit.lessons())
    assert len(lessons) >= 6 and {"game", "lesson", "class_hour", "excursion"} <= {x.format for x in lessons}
    young = next(high for code, _label, _low, high in GRADE_BANDS if code == "1-4")
    for lesson in lessons:
        assert lesson.grade_max <= young, lesson.title
        assert sum(stage.value["minutes"] for stage in lesson.plan) == lesson.duration_minutes, lesson.title
        if lesson.grade_max == 0:
            assert 20 <= lesson.duration_minutes <= 30, lesson.title  # a preschooler's attention span
        assert lesson.goal_list() and lesson.equipment_list() and lesson.assessment, lesson.title
    assert "демонстрационные материалы" in kit.authors


def test_every_new_lesson_has_printable_handouts(client, seeded):
    titles = [*PRESCHOOL, *GRADES_1_4, *MEETINGS.values()]
    lessons = LessonPage.objects.live().filter(title__in=titles)
    assert {lesson.title for lesson in lessons} == set(titles)
    for lesson in lessons:
        materials = list(lesson.materials.select_related("document"))
        assert materials, lesson.title
        for material in materials:
            document = material.document
            response = client.get(document.url)
            assert response.status_code == 200, document.title
            data = b"".join(response.streaming_content)
            if document.file_extension == "xlsx":
                assert openpyxl.load_workbook(io.BytesIO(data)).active["A1"].value == document.title
            else:
                text = PdfReader(io.BytesIO(data)).pages[0].extract_text().replace("\n", " ")
                assert document.title in text
    memos = {m.document.title for m in lessons.get(title=MEETINGS["8-9"]).materials.all() if m.kind == "memo"}
    assert memos == {"Памятка для родителей «Дорога после 9 класса»"}
