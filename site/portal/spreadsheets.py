"""Writing the tables the portal gives out (``table_response``), in the form a Russian office's Excel opens
as it is. Reading the spreadsheets people send is portal.importing.

Names and texts in these tables come from editors and imports, so none may turn into a formula when the file is
opened («CSV injection»): in a workbook every text is stored as a text cell, and in CSV a text that a spreadsheet
would take for a formula gets a leading apostrophe, as OWASP advises."""

import csv
import io

import openpyxl
from django.http import HttpResponse
from django.utils.http import content_disposition_header

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (a tab or a carriage return before it
# is skipped by some of them).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value):
    """``value`` for a CSV cell: a text that would be read as a formula gets a leading «'»; numbers and other
    texts are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def append_text_safe(sheet, values):
    """Append ``values`` as a row of the openpyxl ``sheet``, every text as a text cell: openpyxl itself stores a
    string beginning with «=» as a formula."""
    sheet.append(values)
    if values:
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def table_response(rows, fmt, filename, *, sheet_title=None):
    """``rows`` (the header row first) as a download: ``fmt`` "csv" or "xlsx"."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        # Decimal commas, as a Russian Excel reads numbers in a «;»-separated file.
        writer.writerows(
            [[str(v).replace(".", ",") if hasattr(v, "as_tuple") else csv_text(v) for v in row] for row in rows]
        )
        # With a BOM and «;», Excel in a Russian office opens it with the right letters and columns.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        if sheet_title:
            sheet.title = sheet_title
        for row in rows:
            append_text_safe(sheet, [float(v) if hasattr(v, "as_tuple") else v for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
