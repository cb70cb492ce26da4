"""Editors build kits and lessons with Wagtail's own page forms."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from methodics.models import LessonPage, MethodicalKitPage


def post_page(client, model, parent, fields):
    url = reverse("wagtailadmin_pages:add", args=("methodics", model, parent.pk))
    professions = fields.pop("professions", [])
    data = nested_form_data({**fields, "comments": inline_formset([]), "action-publish": "publish"})
    return client.post(url, {**data, "professions": professions})


def test_editor_creates_a_kit_and_a_lesson_through_the_admin(admin_client, methodics):
    response = post_page(
        admin_client,
        "methodicalkitpage",
        methodics["index"],
        {
            "title": "Инженерные классы",
            "slug": "inzhenernye-klassy",
            "kind": "complex",
            "profile": "engineering",
            "year": 2024,
            "authors": "ХК ИРО",
            "summary": "Занятия для инженерных классов",
            "easy_read_summary": "",
            "purpose": rich_text("<p>Для профильных инженерных классов</p>"),
            "expected_results": rich_text(""),
            "adapted_edition_of": "",
            "versions": inline_formset([{"version": "1.0", "date": "2024-09-01", "changes": "Первая редакция"}]),
            "adaptations": inline_formset([{"category": "musculoskeletal", "note": "Рабочее место без лестниц"}]),
            "materials": inline_formset([]),
            "game_rules": rich_text(""),
            "game_roles": streamfield([]),
            "game_cards": inline_formset([]),
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    kit = MethodicalKitPage.objects.get(slug="inzhenernye-klassy")
    assert kit.live and kit.profile == "engineering" and kit.current_version().version == "1.0"
    assert [a.category for a in kit.adaptations.all()] == ["musculoskeletal"]

    response = post_page(
        admin_client,
        "lessonpage",
        kit,
        {
            "title": "Как устроен самолёт",
            "slug": "kak-ustroen-samolet",
            "summary": "",
            "easy_read_summary": "",
            "grade_min": 10,
            "grade_max": 11,
            "format": "trial",
            "duration_minutes": 90,
            "goals": "Познакомить с авиастроением",
            "equipment": "Модель крыла",
            "plan": streamfield(
                [
                    (
                        "stage",
                        {
                            "stage": "Сборка модели",
                            "minutes": 80,
                            "teacher": "Показывает",
                            "students": "Собирают",
                            "materials": "",
                        },
                    )
                ]
            ),
            "assessment": rich_text("<p>Защита модели</p>"),
            "professions": [methodics["welder"].pk],
            "materials": inline_formset(
                [{"document": methodics["worksheet"].pk, "kind": "worksheet", "description": ""}]
            ),
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    lesson = LessonPage.objects.get(slug="kak-ustroen-samolet")
    assert lesson.live and lesson.get_parent().pk == kit.pk and lesson.plan[0].value["minutes"] == 80
    assert list(lesson.professions.all()) == [methodics["welder"]]
    assert lesson.materials.get().document == methodics["worksheet"]


def test_admin_refuses_a_plan_longer_than_the_lesson(admin_client, methodics):
    response = post_page(
        admin_client,
        "lessonpage",
        methodics["general"],
        {
            "title": "Слишком длинный",
            "slug": "dlinnyi",
            "summary": "",
            "easy_read_summary": "",
            "grade_min": 8,
            "grade_max": 9,
            "format": "lesson",
            "duration_minutes": 45,
            "goals": "",
            "equipment": "",
            "plan": streamfield(
                [("stage", {"stage": "Всё сразу", "minutes": 60, "teacher": "Т", "students": "С", "materials": ""})]
            ),
            "assessment": rich_text(""),
            "materials": inline_formset([]),
        },
    )
    assert response.status_code == 200
    assert "дольше, чем само занятие (45 мин)" in str(response.context["form"].errors["plan"])
    assert not LessonPage.objects.filter(slug="dlinnyi").exists()
