"""The shell's reading of the files people send: headings, numbers, limits, and the report's plain form."""

import io
import itertools
import json
import struct
import zipfile

import openpyxl
import pytest

from portal import importing
from portal.importing import (
    MAX_ROWS,
    ImportFileError,
    ImportReport,
    normal_heading,
    parse_number,
    read_table,
)


@pytest.mark.parametrize(
    "heading",
    [
        "Зарплата от, руб.",
        "  ЗАРПЛАТА   от (₽) ",
        "Зарплата от*",
        "зарплата от [руб./мес.]",
        "Зарплата\xa0от, ₽ в месяц",
    ],
)
def test_headings_compare_without_case_spaces_and_units(heading):
    assert normal_heading(heading) == "зарплата от"


def test_yo_and_e_are_the_same_letter():
    assert normal_heading("Населённый пункт") == normal_heading("НАСЕЛЕННЫЙ ПУНКТ")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("65 000,00", "65000.00"),
        ("65\xa0000", "65000"),
        ("65\u202f000 ₽", "65000"),
        ("1234,5", "1234.5"),
        (45000.0, "45000.0"),
        ("", None),
    ],
)
def test_numbers_as_offices_write_them(text, number):
    assert parse_number(text) == (None if number is None else importing.Decimal(number))


@pytest.mark.parametrize("text", ["много", "1,2,3", "NaN", "inf"])
def test_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_the_report_is_plain_json_both_ways():
    report = ImportReport(kind="sectors", label="отрасли")
    report.add(3, "Отрасль", "Космонавтика", "Нет в разделе «отрасли».")
    report.count("created", n=2)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ok"] is False and data["problems"][0]["row"] == 3
    again = ImportReport.from_dict(data)
    assert again == report and again.problems[0].value == "Космонавтика"


def xlsx(rows):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_rows_are_counted_while_the_file_streams():
    """An endless sheet is refused at its MAX_ROWS + 1st row, not read to its end."""
    endless = enumerate(itertools.chain([["Наименование"]], itertools.repeat(["Строка"])), start=1)
    with pytest.raises(ImportFileError, match="больше 20\u00a0000 строк"):
        importing._table(endless)


def table_file(rows, name):
    return xlsx(rows) if name.endswith("xlsx") else "\n".join(row[0] for row in rows).encode()


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx"])
def test_a_file_of_max_rows_plus_one_is_refused(name):
    rows = [["Наименование"], *([f"Отрасль {i}"] for i in range(MAX_ROWS + 1))]
    with pytest.raises(ImportFileError, match="больше 20\u00a0000 строк"):
        read_table(table_file(rows, name), name)
    assert len(read_table(table_file(rows[:-1], name), name).rows) == MAX_ROWS


def claim_size(content, size):
    """The workbook with every part's uncompressed size in the central directory claimed as ``size``."""
    data = bytearray(content)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        struct.pack_into("<I", data, start + 24, size)
        start += 4
    return bytes(data)


def test_a_zip_bomb_is_refused_before_it_is_opened():
    bomb = claim_size(xlsx([["Наименование"], ["Авиастроение"]]), 0xFFFF0000)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:  # the claim as openpyxl would meet it
        assert sum(part.file_size for part in archive.infolist()) > importing.MAX_UNCOMPRESSED_BYTES
    with pytest.raises(ImportFileError, match="распаковывается в более чем 200 МБ"):
        read_table(bomb, "bomb.xlsx")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "нет строки с названиями"),
        (b"", "empty.xlsx", "не книга Excel"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "picture.xlsx", "не книга Excel"),
        (b"PK\x03\x04 and then nothing", "truncated.xlsx", "не книга Excel"),
        (b"\x00\x01\x02", "atlas.csv", "не текстовый файл"),
        (b"%PDF-1.4", "atlas.pdf", "Загрузите файл CSV или XLSX"),
    ],
)
def test_files_that_are_not_tables(content, name, message):
    with pytest.raises(ImportFileError, match=message):
        read_table(content, name)


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "не таблица")
    with pytest.raises(ImportFileError, match="архив zip, а не книга Excel"):
        read_table(buffer.getvalue(), "archive.xlsx")


def test_a_damaged_workbook():
    content = xlsx([["Наименование"], ["Авиастроение"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w") as damaged:
        for part in source.infolist():
            damaged.writestr(part, b"<not xml" if part.filename.startswith("xl/worksheets/") else source.read(part))
    with pytest.raises(ImportFileError, match="повреждена"):
        read_table(buffer.getvalue(), "damaged.xlsx")


def test_the_upload_cap_comes_from_the_settings(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ImportFileError, match="ограничение — 1000"):
        read_table(b"a;b\n" * 300, "big.csv")
    assert read_table(b"a;b\n1;2\n", "small.csv").headings == ["a", "b"]


def test_blank_rows_and_trailing_spaces():
    table = read_table(
        "Наименование ;Описание\n\n  Авиастроение  ;\xa0Самолёты \n;\n\nСудостроение;\n;\n".encode(), "x.csv"
    )
    assert table.headings == ["Наименование", "Описание"]
    assert table.rows == [(3, ["Авиастроение", "Самолёты"]), (6, ["Судостроение"])]
    assert table.blank_rows == 3  # rows 2, 4 and 5; not the one after the last row with data
