"""The methodological section: the lesson finder, kits, lessons, their PDFs and the adapted edition."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from methodics.models import LessonPage
from portal.tests.helpers import download, queries_for

from .conftest import add, stage


def titles(response):
    return [lesson.title for lesson, _kit in response.context["lessons"]]


def test_index_lists_kits_and_every_lesson_with_its_kit(client, methodics):
    response = client.get(methodics["index"].url)
    html = response.content.decode()
    assert [k.title for k in response.context["kits"]] == [
        "ПрофиВОХ",
        "ПрофиВОХ для молодёжи с ОВЗ",
        "ПрофиВОХ: медицина",
        "Работай в Хабаровском крае",
    ]
    assert titles(response) == [
        "Профессии судостроения",
        "Мой выбор",
        "Шаг за шагом",
        "Один день медсестры",
        "Я объясняю",
        "Игровая сессия",
    ]
    assert "Лучшие практики" in html and "6 занятий" in html
    kits = {lesson.title: kit.title for lesson, kit in response.context["lessons"]}
    assert kits["Один день медсестры"] == "ПрофиВОХ: медицина"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"audience": "8-9"}, ["Профессии судостроения", "Шаг за шагом", "Игровая сессия"]),
        ({"audience": "college"}, ["Шаг за шагом", "Один день медсестры"]),
        ({"profile": "medical"}, ["Один день медсестры"]),
        ({"profile": "pedagogical"}, ["Я объясняю"]),  # the lesson's own profile wins over its kit's
        ({"format": "class_hour"}, ["Мой выбор"]),
        ({"duration": "short"}, ["Мой выбор"]),
        ({"duration": "double"}, ["Шаг за шагом", "Один день медсестры", "Игровая сессия"]),
        ({"adapted": "hearing"}, ["Шаг за шагом"]),
        ({"adapted": "autism"}, []),
        ({"sector": "sudostroenie"}, ["Профессии судостроения"]),
        ({"profession": "medsestra"}, ["Один день медсестры"]),
        ({"audience": "8-9", "profile": "general", "duration": "lesson"}, ["Профессии судостроения"]),
        ({"audience": "college", "adapted": "hearing", "format": "training"}, ["Шаг за шагом"]),
        ({"audience": "10-11", "format": "excursion"}, []),
    ],
)
def test_filters_alone_and_combined(client, methodics, query, expected):
    response = client.get(methodics["index"].url, query)
    assert titles(response) == expected
    assert not response.context["form"].errors


def test_unknown_filter_values_are_reported_and_ignored(client, methodics):
    response = client.get(
        methodics["index"].url, {"audience": "12-13", "format": "<script>", "profile": "medical", "page": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert set(response.context["form"].errors) == {"audience", "format"}
    assert titles(response) == ["Один день медсестры"]  # the valid filter still applies
    assert "<script>" not in html.split("<main")[1]


def test_index_query_count_does_not_grow_with_lessons(client, methodics):
    url = methodics["index"].url + "?audience=8-9&profile=general"
    before = queries_for(client, url)
    for n in range(6):
        add(
            methodics["general"],
            LessonPage(title=f"Урок {n}", slug=f"urok-{n}", grade_min=8, grade_max=9, duration_minutes=40),
        )
    assert queries_for(client, url) == before


def test_kit_page_shows_lessons_in_order_version_and_both_editions(client, methodics):
    general = methodics["general"]
    html = client.get(general.url).content.decode()
    assert html.index("Профессии судостроения") < html.index("Мой выбор")
    assert "ПрофиВОХ для молодёжи с ОВЗ" in html  # the adapted edition is linked from the original
    adapted = client.get(methodics["adapted"].url).content.decode()
    assert "Это адаптированная редакция комплекса" in adapted and general.url in adapted
    assert "Слабослышание: Видео с субтитрами" in adapted
    assert "Скачать весь комплект" in html


def test_lesson_page_shows_plan_materials_and_professions(client, methodics):
    html = client.get(methodics["ships_lesson"].url).content.decode()
    assert "Работа с картой" in html and "35 мин" in html
    assert "Рабочий лист «Мои интересы»" in html and methodics["welder"].url in html
    assert "для педагогов после входа" in html  # the teachers' answers are marked private


def test_lesson_plan_pdf_contains_the_title_and_plan(client, methodics):
    response = download(client, methodics["ships_lesson"].url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.body))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Профессии судостроения" in text and "Работа с картой" in text
    assert reader.metadata.title == "Профессии судостроения" and "/StructTreeRoot" in reader.trailer["/Root"]


def test_game_cards_pdf_prints_the_professions_and_roles(client, methodics):
    response = download(client, methodics["game"].url + "cards/")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body)).pages)
    assert "Сварщик" in text and "Назовите три предприятия" in text and "Работодатель" in text
    refused = client.get(methodics["general"].url + "cards/")
    assert refused.status_code == 404 and "Этот комплект — не игра" in refused.content.decode()


def test_lesson_plan_longer_than_the_lesson_is_refused(methodics):
    lesson = methodics["choice"]
    lesson.plan = [stage("Обсуждение", 25), stage("Рефлексия", 10)]
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "35" in str(error.value) and "30" in str(error.value)


def test_best_practice_page(client, methodics):
    html = client.get(methodics["practice"].url).content.decode()
    assert "МБОУ СОШ № 1" in html and "Рабочий лист «Мои интересы»" in html


def test_a_long_plan_runs_on_across_pages_and_the_portal_link_is_not_alone(methodics):
    """A stage longer than what is left of a page starts there and runs on (kept whole, it left page 1 with one row
    and a gap); the portal link sits under the title, not alone on the last page."""
    from methodics.downloads import lesson_pdf

    lesson = methodics["ships_lesson"]
    sentence = "Объясняет задание и показывает примеры предприятий края. "
    stages = [("Знакомство", "Объясняет задание"), ("Исследование", sentence * 50)]
    stages += [("Обсуждение", sentence * 16), ("Рефлексия", sentence * 16)]
    lesson.plan = [
        ("stage", {"stage": name, "minutes": 10, "teacher": text, "students": "Работают", "materials": ""})
        for name, text in stages
    ]
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(lesson_pdf(lesson))).pages]
    assert "Знакомство" in pages[0] and "Исследование" in pages[0], pages[0]
    assert "lesson on the portal" in pages[0] or "Занятие на портале" in pages[0]
    assert all("Объясняет задание" in page for page in pages), pages  # no page holds only the link or a heading
