"""Printable handouts made by the project from structured text: worksheets, cards, quizzes and memos as
tagged PDFs, tables to fill in as XLSX. The seed uses them; editors may upload their own files instead."""

import io

import openpyxl
from openpyxl.styles import Alignment, Font

from portal.pdf import pdf_bytes
from portal.spreadsheets import append_text_safe


def handout_pdf(handout, *, subtitle=""):
    """``handout``: {"title", "kind", "intro", "items"}."""
    return pdf_bytes(
        None, "methodics/handout_pdf.html", {"handout": handout, "subtitle": subtitle}, title=handout["title"]
    )


def handout_xlsx(handout, *, subtitle=""):
    """A table to fill in: the items are the rows, the columns come after the first one."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Лист 1"
    append_text_safe(sheet, [handout["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    if subtitle:
        append_text_safe(sheet, [subtitle])
    if handout.get("intro"):
        append_text_safe(sheet, [handout["intro"]])
    sheet.append([])
    columns = handout.get("columns") or ["", "Ответ"]
    append_text_safe(sheet, columns)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for item in handout["items"]:
        append_text_safe(sheet, [item])
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDE"[: len(columns) - 1]:
        sheet.column_dimensions[letter].width = 30
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
