"""The card's everyday names («also called») travel through the import template and the exports: several names in
one cell separated by «;», every fault of the cell and of its row reported at once, and an export imports back
unchanged."""

import pytest

from atlas.exchange import ALSO_CALLED_MAX_LENGTH, RESOURCES, export_professions, run_import
from atlas.models import ProfessionPage
from atlas.models.pages import items
from atlas.tests.test_import import csv_bytes, reference, where  # noqa: F401 (a fixture)

HEADER = "slug;title;also_called;sector;education_level;demand_level"


def check(content, *, write=False):
    return run_import(content, "p.csv", {"kind": "professions"}, dry_run=not write)


def test_the_template_has_the_column_with_russian_heading_and_aliases():
    column = {column.key: column for column in RESOURCES["professions"].columns()}["also_called"]
    assert column.multiple and "также называют" in column.aliases


@pytest.mark.usefixtures("reference")
def test_several_names_in_one_cell_are_imported_in_order():
    rows = [HEADER, 'medsestra;Медицинская сестра;"медсестра; медбрат;  сестра милосердия ;";Авиастроение;spo;high']
    report = check(csv_bytes(rows), write=True)
    assert report.ok and report.written, report.problems
    card = ProfessionPage.objects.get(slug="medsestra")
    assert items(card.also_called) == ["медсестра", "медбрат", "сестра милосердия"]
    # Russian heading works as well
    rows[0] = HEADER.replace("also_called", "Также называют")
    rows[1] = rows[1].replace("медбрат", "медбрат; братишка")
    assert check(csv_bytes(rows), write=True).written
    assert "братишка" in items(ProfessionPage.objects.get(slug="medsestra").also_called)


@pytest.mark.usefixtures("reference")
def test_empty_and_too_long_names_are_reported_with_the_rows_other_faults():
    long_name = "н" * (ALSO_CALLED_MAX_LENGTH + 1)
    row = f'svarshchik;Сварщик;"сварной;;{long_name}";Космонавтика;phd;high'
    report = check(csv_bytes([HEADER, row]))
    assert {(2, "also_called"), (2, "sector"), (2, "education_level")} <= where(report)
    message = next(problem.message for problem in report.problems if problem.column == "also_called")
    assert "«;»" in message and str(ALSO_CALLED_MAX_LENGTH) in message  # both faults of the cell in one message
    assert not report.written and not ProfessionPage.objects.exists()


def test_export_then_import_keeps_the_names_unchanged(reference):  # noqa: F811
    rows = [
        HEADER,
        'svarshchik;Сварщик;"сварной; сварщица";Авиастроение;spo;high',
        "tokar;Токарь;;Авиастроение;spo;low",
    ]
    assert check(csv_bytes(rows), write=True).written
    exported, _ = export_professions(reference, "csv")
    assert "сварной; сварщица" in exported
    revisions = {page.slug: page.revisions.count() for page in ProfessionPage.objects.all()}
    report = check(exported.encode("utf-8"), write=True)
    assert report.ok and report.counts["professions"]["unchanged"] == 2, (report.problems, report.counts)
    assert {page.slug: page.revisions.count() for page in ProfessionPage.objects.all()} == revisions
    ProfessionPage.objects.all().delete()
    assert check(exported.encode("utf-8"), write=True).written
    assert items(ProfessionPage.objects.get(slug="svarshchik").also_called) == ["сварной", "сварщица"]
    assert items(ProfessionPage.objects.get(slug="tokar").also_called) == []
