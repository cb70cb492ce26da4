"""The tables the portal gives out never carry a formula: names come from editors and imports («CSV injection»)."""

import csv
import io

import openpyxl
import pytest

from portal.import_templates import template_workbook
from portal.importing import Column, read_table
from portal.spreadsheets import table_response
from portal.tests.helpers import FORMULA_LIKE, FORMULA_LIKE_IN_XLSX


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_cells_that_would_be_formulas_begin_with_an_apostrophe():
    rows = [["Название", "Число"], *([name, -5] for name in FORMULA_LIKE), ["Обычное имя", 3]]
    written = rows_of(table_response(rows, "csv", "t.csv"))
    assert [row[0] for row in written[1:]] == [*("'" + name for name in FORMULA_LIKE), "Обычное имя"]
    assert {row[1] for row in written[1:]} == {"-5", "3"}  # numbers stay numbers, a negative one too


def test_xlsx_texts_are_text_cells_with_their_value_unchanged():
    rows = [["Название"], *([name] for name in FORMULA_LIKE)]
    book = openpyxl.load_workbook(io.BytesIO(table_response(rows, "xlsx", "t.xlsx").content))
    cells = [row[0] for row in book.active.iter_rows(min_row=2)]
    assert [(cell.data_type, cell.value) for cell in cells] == [("s", name) for name in FORMULA_LIKE_IN_XLSX]


def test_import_template_with_rows_and_lists_writes_texts_as_text():
    columns = [Column("name", "Название", required=True, choices=lambda: FORMULA_LIKE)]
    workbook = template_workbook(columns, title="=1+1", rows=[[name] for name in FORMULA_LIKE])
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    data, instructions, lists = book.worksheets
    for cells in (
        [row[0] for row in data.iter_rows(min_row=2)],
        [row[0] for row in lists.iter_rows(min_row=2)],
        [instructions["A1"]],
    ):
        assert all(cell.data_type == "s" for cell in cells), [(cell.data_type, cell.value) for cell in cells]
    assert [row[0].value for row in data.iter_rows(min_row=2)] == FORMULA_LIKE_IN_XLSX
    assert instructions["A1"].value == "=1+1"


@pytest.mark.parametrize("name", ["=1+1", "+7", "-2", "@SUM(A1)"])
def test_an_exported_csv_reads_back_without_the_apostrophe(name):
    content = table_response([["Название"], [name]], "csv", "t.csv").content
    assert read_table(content, "t.csv").rows == [(2, [name])]
