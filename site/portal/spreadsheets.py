"""Reading the spreadsheets offices send, for every import of the portal: XLSX, or CSV in UTF-8 (with or
without BOM) or cp1251, separated by «;», «,» or tabs. A file that cannot be read as a table at all raises
``ImportFileError`` with a message for the person who uploaded it. And writing the tables the portal gives out
(``table_response``), in the form a Russian office's Excel opens as it is."""

import csv
import io
from pathlib import Path

import openpyxl
import tablib
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

MAX_ROWS = 20_000


class ImportFileError(Exception):
    """The file cannot be read as a spreadsheet at all."""


def load_dataset(content: bytes, filename: str) -> tablib.Dataset:
    """A tablib Dataset from an uploaded file, whatever its encoding and separator."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        if not content.startswith(b"PK"):
            raise ImportFileError(_("The file is called .xlsx but is not an Excel workbook."))
        try:
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds for a damaged workbook
            raise ImportFileError(_("The Excel workbook cannot be read: %(error)s") % {"error": error}) from error
    elif suffix in (".csv", ".txt"):
        if b"\x00" in content[:4096]:
            raise ImportFileError(_("The file is not a text (CSV) file."))
        text = _decode(content)
        sample = text[:10_000]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
        except csv.Error:
            delimiter = ";" if sample.count(";") > sample.count(",") else ","
        dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    else:
        raise ImportFileError(_("Upload a CSV or XLSX file (this one is «%(suffix)s»).") % {"suffix": suffix or "?"})
    if dataset.headers is None or not any(dataset.headers):
        raise ImportFileError(_("The file has no header row."))
    if dataset.height > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
    dataset.headers = [(header or "").strip().lstrip("\ufeff") for header in dataset.headers]
    return dataset


def _decode(content: bytes) -> str:
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1251")  # Russian Windows: Excel's «CSV (разделители — точки с запятой)»


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
