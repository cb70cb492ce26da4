import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from atlas.factories import AtlasIndexPageFactory, ProfessionPageFactory, SectorFactory
from methodics.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    GameCard,
    KitAdaptation,
    KitMaterial,
    LessonMaterial,
    LessonPage,
    MethodicalKitPage,
    MethodicsIndexPage,
    PracticeMaterial,
)
from portal.groups import teachers_group
from portal.tests.helpers import xlsx_bytes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def document(title, name, content, collection=None):
    Document = get_document_model()
    doc = Document(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def stage(name, minutes):
    return (
        "stage",
        {
            "stage": name,
            "minutes": minutes,
            "teacher": "Объясняет задание",
            "students": "Работают в парах",
            "materials": "",
        },
    )


@pytest.fixture
def teachers_collection():
    """A private collection: only members of «Педагоги» may download from it."""
    teachers = teachers_group()
    collection = Collection.get_first_root_node().add_child(name="Материалы для педагогов")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([teachers])
    return collection


@pytest.fixture
def methodics(site_tree, teachers_collection):
    home, _ = site_tree
    atlas = AtlasIndexPageFactory(parent=home)
    ships = SectorFactory(name="Судостроение", slug="sudostroenie")
    health = SectorFactory(name="Здравоохранение", slug="zdravookhranenie")
    welder = ProfessionPageFactory(parent=atlas, title="Сварщик", slug="svarshchik", sector=ships)
    nurse = ProfessionPageFactory(parent=atlas, title="Медицинская сестра", slug="medsestra", sector=health)

    index = add(home, MethodicsIndexPage(title="Методическая копилка", slug="metodiki"))
    general = add(
        index,
        MethodicalKitPage(title="ПрофиВОХ", slug="profivokh", profile="general", year=2022, authors="ХК ИРО"),
    )
    adapted = MethodicalKitPage(
        title="ПрофиВОХ для молодёжи с ОВЗ",
        slug="profivokh-ovz",
        profile="general",
        year=2023,
        adapted_edition_of=general,
    )
    adapted.adaptations = [KitAdaptation(category="hearing", note="Видео с субтитрами")]
    add(index, adapted)
    medical = add(
        index, MethodicalKitPage(title="ПрофиВОХ: медицина", slug="profivokh-med", profile="medical", year=2022)
    )
    game = MethodicalKitPage(
        title="Работай в Хабаровском крае",
        slug="igra",
        kind="game",
        profile="general",
        year=2021,
        game_rules="<p>Команды получают карточки профессий.</p>",
        game_roles=[("role", {"name": "Работодатель", "description": "Объявляет вакансии"})],
    )
    game.game_cards = [GameCard(profession=welder, task="Назовите три предприятия, где нужен сварщик")]
    add(index, game)

    worksheet = document("Рабочий лист «Мои интересы»", "мои-интересы.pdf", PDF)
    table = document("Таблица профессий", "таблица.xlsx", xlsx_bytes([["Профессия", "Где учиться"]]))
    answers = document("Ключи к тесту", "ключи.pdf", PDF, collection=teachers_collection)
    map_ = document("Карта предприятий края", "карта.pdf", PDF)

    ships_lesson = LessonPage(
        title="Профессии судостроения",
        slug="sudostroenie",
        grade_min=8,
        grade_max=9,
        format="lesson",
        duration_minutes=45,
        goals="Познакомить с судостроением\nНазвать предприятия",
        plan=[stage("Введение", 10), stage("Работа с картой", 35)],
    )
    ships_lesson.professions = [welder]
    ships_lesson.materials = [
        LessonMaterial(document=worksheet, kind="worksheet"),
        LessonMaterial(document=answers, kind="teacher_notes"),
    ]
    add(general, ships_lesson)
    choice = LessonPage(
        title="Мой выбор", slug="moi-vybor", grade_min=10, grade_max=11, format="class_hour", duration_minutes=30
    )
    choice.materials = [LessonMaterial(document=table, kind="table")]
    add(general, choice)
    general.materials = [KitMaterial(document=map_, kind="memo")]
    general.save_revision().publish()
    add(
        adapted,
        LessonPage(
            title="Шаг за шагом", slug="shag", grade_min=8, grade_max=12, format="training", duration_minutes=60
        ),
    )
    nursing = LessonPage(
        title="Один день медсестры",
        slug="den-medsestry",
        grade_min=12,
        grade_max=12,
        format="excursion",
        duration_minutes=90,
    )
    nursing.professions = [nurse]
    add(medical, nursing)
    add(
        medical,
        LessonPage(
            title="Я объясняю",
            slug="ya-obyasnyayu",
            grade_min=10,
            grade_max=11,
            format="trial",
            profile="pedagogical",
            duration_minutes=45,
        ),
    )
    add(
        game,
        LessonPage(
            title="Игровая сессия",
            slug="igrovaya-sessiya",
            grade_min=7,
            grade_max=11,
            format="game",
            duration_minutes=80,
        ),
    )

    practices = add(index, BestPracticeIndexPage(title="Лучшие практики", slug="praktiki"))
    practice = BestPracticePage(title="Профориентационный квест", slug="kvest", organisation="МБОУ СОШ № 1", year=2023)
    practice.materials = [PracticeMaterial(document=worksheet, kind="worksheet")]
    add(practices, practice)
    return {
        "index": index,
        "general": general,
        "adapted": adapted,
        "medical": medical,
        "game": game,
        "ships_lesson": ships_lesson,
        "choice": choice,
        "practice": practice,
        "worksheet": worksheet,
        "answers": answers,
        "map": map_,
        "table": table,
        "welder": welder,
    }
