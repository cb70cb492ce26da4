"""The card's lists (duties, skills, qualities, contraindications): items in the editor, <li> on the card,
one cell a list in spreadsheets, searchable, and the migration that made them from «one per line» text."""

from pathlib import Path

import pytest
from wagtail.search.backends import get_search_backend

from atlas.exchange import ProfessionResource
from atlas.factories import ProfessionPageFactory
from atlas.models import ProfessionPage
from conftest import require_service
from portal.tests.helpers import run_scenario


@pytest.mark.sqlite_scenario
def test_the_migration_makes_one_item_a_line_and_joins_them_back(tmp_path):
    """In a process of its own on an empty SQLite file (list_migration_scenario.py): migrating back and forth
    here would leave the suite's database unusable."""
    result = run_scenario(
        Path(__file__).with_name("list_migration_scenario.py"), tmp_path / "db.sqlite3", migrated=False
    )
    assert result["joined"] == {"soft_skills": "Внимательность\nТерпение", "contraindications": ""}
    assert result["revision_joined"] == "Внимательность\nТерпение"  # the draft's lines too
    assert result["duties"] == ["Собирает узлы", "Читает чертежи", "Проверяет швы"]
    assert result["blocks"] == ["item", "item", "item"]
    assert result["soft_skills"] == ["Внимательность", "Терпение"]
    assert result["revision_soft_skills"] == ["Внимательность", "Терпение"]  # drafts keep their lists


def test_card_shows_each_item_as_a_list_item(client, atlas):
    card = ProfessionPageFactory(
        parent=atlas,
        title="Кровельщик",
        duties=[("item", "Кроет крыши"), ("item", "Чинит водостоки"), ("item", "Соблюдает <технику> безопасности")],
        contraindications=[("item", "Боязнь высоты")],
    )
    html = client.get(card.url).content.decode()
    assert "<li>Кроет крыши</li><li>Чинит водостоки</li><li>Соблюдает &lt;технику&gt; безопасности</li>" in html
    assert "<li>Боязнь высоты</li>" in html


def test_export_gives_a_cell_of_lines_and_import_makes_items_again(atlas):
    card = ProfessionPageFactory(
        parent=atlas, title="Кровельщик", hard_skills=[("item", "Кровля"), ("item", "Лестницы")]
    )
    row = ProfessionResource().export().dict[0]
    assert row["hard_skills"] == "Кровля\nЛестницы" and row["personal_qualities"] == ""

    row.update(hard_skills="Кровля\n\n Водостоки \n", personal_qualities="Аккуратность")
    dataset = ProfessionResource().export()
    dataset.dict = [row]
    result = ProfessionResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    card = ProfessionPage.objects.get(pk=card.pk)
    assert card.hard_skills_list == ["Кровля", "Водостоки"] and card.qualities_list == ["Аккуратность"]


def test_an_unchanged_list_keeps_its_items(atlas):
    """Re-importing the same cell changes nothing: the items keep their ids (wagtail-localize's segments)."""
    card = ProfessionPageFactory(parent=atlas, title="Кровельщик")
    ids = [child.id for child in card.duties]
    result = ProfessionResource().import_data(ProfessionResource().export(), dry_run=False)
    assert [row.import_type for row in result.rows] == ["skip"]
    assert [child.id for child in ProfessionPage.objects.get(pk=card.pk).duties] == ids


def search_by_item(atlas):
    ProfessionPageFactory(parent=atlas, title="Кровельщик", hard_skills=[("item", "Фальцевая кровля")])
    ProfessionPageFactory(parent=atlas, title="Повар", duties=[("item", "Готовит борщ")])
    get_search_backend().refresh_indexes()
    return [page.title for page in ProfessionPage.objects.search("фальцевая")], [
        page.title for page in ProfessionPage.objects.search("борщ")
    ]


def test_search_finds_a_card_by_a_list_item(atlas):
    assert search_by_item(atlas) == (["Кровельщик"], ["Повар"])


@pytest.mark.opensearch
def test_opensearch_finds_a_card_by_a_list_item(atlas):
    require_service("OpenSearch", "OPENSEARCH_URL", "the scaled search tier")
    assert search_by_item(atlas) == (["Кровельщик"], ["Повар"])
