"""Writing the tables the portal gives out (``table_response``), in the form a Russian office's Excel opens
as it is. Reading the spreadsheets people send is portal.importing."""

import csv
import io

import openpyxl
from django.http import HttpResponse
from django.utils.http import content_disposition_header


def table_response(rows, fmt, filename, *, sheet_title=None):
    """``rows`` (the header row first) as a download: ``fmt`` "csv" or "xlsx"."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        # Decimal commas, as a Russian Excel reads numbers in a «;»-separated file.
        writer.writerows([[str(v).replace(".", ",") if hasattr(v, "as_tuple") else v for v in row] for row in rows])
        # With a BOM and «;», Excel in a Russian office opens it with the right letters and columns.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        if sheet_title:
            sheet.title = sheet_title
        for row in rows:
            sheet.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
