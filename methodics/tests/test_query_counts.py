"""The teachers' pages cost at most MAX_PAGE_QUERIES SQL queries uncached, the same number however many kits,
lessons, materials and practices there are."""

from methodics.models import (
    BestPracticePage,
    KitMaterial,
    LessonMaterial,
    LessonPage,
    MethodicalKitPage,
    PracticeMaterial,
)
from portal.tests.helpers import assert_few_constant_queries

from .conftest import PDF, add, document, stage


def test_methodics_pages_cost_few_queries_and_as_many_with_more_content(
    client, methodics, django_capture_on_commit_callbacks
):
    index = methodics["index"]
    practices = methodics["practice"].get_parent()
    urls = [
        index.url,
        index.url + "?audience=8-9&profile=general&sector=sudostroenie",
        methodics["general"].url,
        methodics["adapted"].url,
        methodics["game"].url,
        methodics["ships_lesson"].url,
        practices.url,
        methodics["practice"].url,
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            general = methodics["general"]
            for n in range(20):
                sheet = document(f"Лист {n}", f"list-{n}.pdf", PDF)
                lesson = LessonPage(
                    title=f"Урок {n}",
                    slug=f"urok-{n}",
                    grade_min=8,
                    grade_max=9,
                    duration_minutes=45,
                    plan=[stage("Введение", 10), stage("Работа", 35)],
                )
                lesson.professions = [methodics["welder"]]
                lesson.materials = [LessonMaterial(document=sheet, kind="worksheet")]
                add(general, lesson)
                kit = add(
                    index, MethodicalKitPage(title=f"Комплекс {n}", slug=f"kit-{n}", profile="general", year=2024)
                )
                add(kit, LessonPage(title=f"Занятие {n}", slug=f"z-{n}", grade_min=8, grade_max=9, duration_minutes=45))
                practice = BestPracticePage(title=f"Практика {n}", slug=f"praktika-{n}", organisation="СОШ", year=2024)
                practice.materials = [PracticeMaterial(document=sheet, kind="worksheet")]
                add(practices, practice)
                general.materials.add(KitMaterial(document=sheet, kind="memo"))
                ship = methodics["ships_lesson"]
                ship.materials.add(LessonMaterial(document=sheet, kind="worksheet"))
            general.save_revision().publish()
            ship.save_revision().publish()
            practice = methodics["practice"]
            practice.materials.add(PracticeMaterial(document=sheet, kind="table"))
            practice.save_revision().publish()

    assert_few_constant_queries(client, urls, grow)
