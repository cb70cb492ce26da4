"""The XLSX template of an import kind: the columns with their Russian headings on the first sheet, an
instructions sheet saying what each column means, which are required and in what format, and drop-down lists
(Excel's data validation) fed from a hidden sheet, so that a sector or a district is picked, not typed. Every text
is written as a text cell (portal.spreadsheets): names from the atlas never become formulas."""

import io

import openpyxl
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .importing import MAX_ROWS, max_upload_bytes
from .numbers import number
from .spreadsheets import append_text_safe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def template_workbook(columns, *, title, rows=()):
    """The workbook as bytes; ``rows`` (lists in the order of ``columns``) fill the data sheet, so the same
    form serves as an export people can edit and import again."""
    book = openpyxl.Workbook()
    data = book.active
    data.title = _("Data")
    append_text_safe(data, [str(column.heading) for column in columns])
    for position, column in enumerate(columns, start=1):
        cell = data.cell(row=1, column=position)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if column.required:
            cell.fill = REQUIRED_FILL
        data.column_dimensions[get_column_letter(position)].width = min(max(len(str(column.heading)) + 4, 14), 40)
    data.freeze_panes = "A2"
    for row in rows:
        append_text_safe(data, list(row))

    _instructions(book.create_sheet(_("Instructions")), columns, title)

    lists = book.create_sheet(_("Lists"))
    lists.sheet_state = "hidden"
    list_column = 0
    for position, column in enumerate(columns, start=1):
        values = [str(value) for value in column.choices()] if column.choices else []
        if not values:
            continue
        list_column += 1
        letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=str(column.heading)).data_type = "s"
        for offset, value in enumerate(values, start=2):
            lists.cell(row=offset, column=list_column, value=value).data_type = "s"
        validation = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            # Several values («А; Б») are not one item of the list: Excel then only warns.
            errorStyle="warning" if column.multiple else "stop",
            errorTitle=str(column.heading),
            error=_("Choose a value from the list."),
        )
        data.add_data_validation(validation)
        target = get_column_letter(position)
        validation.add(f"{target}2:{target}{MAX_ROWS + 1}")

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(sheet, columns, title):
    append_text_safe(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in (
        _("Fill in the sheet «%(sheet)s»: one row per record, the headings in row 1 as they are.")
        % {"sheet": _("Data")},
        _("Columns with a yellow heading are required; the others may stay empty or be removed."),
        _("Numbers may have spaces and a decimal comma (65 000,00); dates are written as 31.12.2025."),
        _("Blank rows are skipped. At most %(rows)s rows and %(size)s MB in one file.")
        % {"rows": number(MAX_ROWS), "size": number(max_upload_bytes() // 1024 // 1024)},
        _("The file is checked first; nothing is written unless every row is correct."),
    ):
        append_text_safe(sheet, [line])
    sheet.append([])
    append_text_safe(sheet, [_("Column"), _("Required"), _("What to write")])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for column in columns:
        notes = [str(column.help)] if column.help else []
        if column.choices:
            notes.append(_("Choose from the drop-down list."))
        if column.multiple:
            notes.append(_("Several values are separated by «;»."))
        append_text_safe(sheet, [str(column.heading), _("yes") if column.required else _("no"), " ".join(notes)])
        sheet.cell(row=sheet.max_row, column=3).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 90


def template_response(columns, filename, *, title, rows=()):
    response = HttpResponse(template_workbook(columns, title=title, rows=rows), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
