"""Imports that take what people send, shared by every import of the portal.

Every import kind is one plain function, ``run_import(content, filename, options, *, dry_run, progress)``,
that the admin screen and the management command both call, and that returns an ``ImportReport``: every
problem by row (as the spreadsheet shows it, the header being row 1) and column heading, in Russian, with the
value found, and the counts of what was (or would be) created, updated, left unchanged or skipped. The kinds
build on the pieces here:

- ``read_table``: XLSX, or CSV in UTF-8 (with or without BOM) or cp1251 separated by «;», «,» or tabs, within
  the limits (upload size, uncompressed size of a workbook, rows — counted while reading, not after);
- ``Column`` and ``match_headings``: a column is known by its Russian heading, its machine name or a usual
  variant, whatever the case, «ё»/«е», spaces and units («Зарплата от, руб.», «Зарплата от (₽)»);
- ``prepare_rows``: cells by column key, blank rows skipped, extra cells reported;
- ``parse_number`` and ``normal_name``: numbers and names as offices write them.
"""

import csv
import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import locales
from .numbers import number as formatted
from .spreadsheets import FORMULA_PREFIXES

logger = logging.getLogger(__name__)

MAX_ROWS = 20_000
# A workbook is a zip archive: its parts are checked for their total size before openpyxl opens it, so that
# a small file that unpacks into gigabytes (a «zip bomb») is refused. 200 MB holds MAX_ROWS rows of long text.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
PROGRESS_EVERY = 100
OUTCOMES = ("created", "updated", "unchanged", "skipped")


class ImportFileError(Exception):
    """The file cannot be read as a table at all; the message says why, for the person who sent it."""


# -- the report ----------------------------------------------------------------------------------------------
@dataclass
class Problem:
    row: int | None  # as the spreadsheet shows it, the header being row 1; None for the file as a whole
    column: str  # the heading as the file has it (or as the import names it when the column is missing)
    value: str  # what the cell holds
    message: str  # already translated


@dataclass
class ImportReport:
    """What an import found and did. Plain data: ``to_dict()`` gives JSON, ``from_dict()`` reads it back."""

    kind: str = ""
    label: str = ""  # the kind as people call it, translated
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → outcome → rows
    columns: dict[str, str] = field(default_factory=dict)  # column key → its heading in the file
    rows: int = 0  # rows with data that were read
    written: bool = False
    notes: list[str] = field(default_factory=list)  # what the editor should know of the outcome, translated

    @property
    def ok(self):
        return not self.problems

    def add(self, row, column, value, message):
        text = "" if value is None else str(value)
        self.problems.append(Problem(row, str(column or ""), text[:200], str(message)))

    def heading(self, column):
        """A column's heading as the file has it (its own heading if the file has not got it)."""
        return self.columns.get(column.key) or str(column.heading)

    def count(self, outcome, kind=None, n=1):
        counts = self.counts.setdefault(kind or self.kind, dict.fromkeys(OUTCOMES, 0))
        counts[outcome] += n

    def sorted_problems(self):
        return sorted(self.problems, key=lambda p: (p.row or 0, p.column))

    def summary(self):
        """One line per kind: «Создано: 2, изменено: 0, без изменений: 1, пропущено пустых строк: 0»."""
        return [
            _("created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s, blank rows skipped: %(skipped)s")
            % {outcome: formatted(rows) for outcome, rows in counts.items()}
            for counts in self.counts.values()
        ]

    def to_dict(self):
        return {**asdict(self), "ok": self.ok}

    @classmethod
    def from_dict(cls, data):
        data = {key: value for key, value in data.items() if key != "ok"}
        return cls(**{**data, "problems": [Problem(**problem) for problem in data.get("problems", [])]})


# -- limits and reading --------------------------------------------------------------------------------------
def max_upload_bytes():
    return settings.IMPORT_MAX_UPLOAD_BYTES


def check_upload_size(size):
    """Refuses a file over the upload cap; called with the size before the content is read."""
    if size > max_upload_bytes():
        raise ImportFileError(
            _("The file is %(size)s; the limit is %(limit)s. Split it into several files.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())}
        )


def too_many_rows():
    return ImportFileError(
        _("The file has more than %(max)s rows; split it into several files.") % {"max": formatted(MAX_ROWS)}
    )


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple[int, list]]  # (row number as the spreadsheet shows it, cells); rows with data only
    blank_rows: int = 0  # blank rows between rows with data (not the empty, formatted rows after the last)


def read_table(content: bytes, filename: str, *, recognises: Callable[[str], bool] = lambda heading: True):
    """The first sheet of a workbook whose header row has a heading ``recognises`` knows (the first sheet
    otherwise), or a CSV file; header in row 1. Raises ``ImportFileError``."""
    check_upload_size(len(content))
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(content, recognises)
    if suffix in (".csv", ".txt"):
        return _read_csv(content)
    raise ImportFileError(_("Upload a CSV or XLSX file (this one is «%(suffix)s»).") % {"suffix": suffix or "?"})


def _read_xlsx(content, recognises):
    if not content.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(content)):
        raise ImportFileError(_("The file is called .xlsx but is not an Excel workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFileError(_("The file is called .xlsx but is not an Excel workbook.")) from error
    if "xl/workbook.xml" not in {part.filename for part in parts}:
        raise ImportFileError(_("The file is a zip archive, not an Excel workbook."))
    # zipfile never unpacks more than a part's declared size, so the declared sizes bound the work.
    if sum(part.file_size for part in parts) > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            _("The workbook unpacks to more than %(limit)s MB; split it into several files.")
            % {"limit": MAX_UNCOMPRESSED_BYTES // 1024 // 1024}
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        logger.info("Unreadable workbook: %r", error)
        raise ImportFileError(_("The Excel workbook is damaged and cannot be read.")) from error
    try:
        sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"] or book.worksheets
        chosen = sheets[0] if sheets else None
        for sheet in sheets:
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            if any(recognises(str(cell)) for cell in header if cell is not None):
                chosen = sheet
                break
        if chosen is None:
            raise ImportFileError(_("The file has no header row."))
        return _table(enumerate(chosen.iter_rows(values_only=True), start=1))
    except ImportFileError:
        raise
    except Exception as error:  # a damaged sheet fails while it is read
        logger.info("Unreadable worksheet: %r", error)
        raise ImportFileError(_("The Excel workbook is damaged and cannot be read.")) from error
    finally:
        book.close()


def _read_csv(content):
    if b"\x00" in content[:4096]:
        raise ImportFileError(_("The file is not a text (CSV) file."))
    text = _decode(content)
    sample = text[:10_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _table(enumerate(([_formula_unescaped(cell) for cell in row] for row in rows), start=1))
    except csv.Error as error:
        raise ImportFileError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error


def _formula_unescaped(text):
    """The portal's CSV exports put «'» before a text that a spreadsheet would take for a formula
    (portal.spreadsheets); an exported file imports back unchanged."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _decode(content):
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1251", errors="replace")  # Russian Windows: Excel's «CSV (разделители — ;)»


def _table(numbered_rows):
    """Rows with data counted as they stream: the read stops at the first one over ``MAX_ROWS``."""
    headings, rows, blank, pending_blank = None, [], 0, 0
    for number, cells in numbered_rows:
        cells = [_cell(cell) for cell in cells]
        while cells and cells[-1] is None:
            cells.pop()
        if headings is None:
            if not cells:
                break  # row 1 is empty: no header
            headings = ["" if cell is None else str(cell) for cell in cells]
            continue
        if not cells:
            pending_blank += 1
            continue
        if len(rows) == MAX_ROWS:
            raise too_many_rows()
        blank, pending_blank = blank + pending_blank, 0
        rows.append((number, cells))
    if not headings:
        raise ImportFileError(_("The file has no header row."))
    return Table(headings, rows, blank)


def _cell(value):
    if isinstance(value, str):
        value = value.replace("\xa0", " ").strip().lstrip("\ufeff").strip()
        return value or None
    return value


# -- headings ------------------------------------------------------------------------------------------------
def normal_heading(text):
    """«Зарплата от, руб.», « зарплата  ОТ (₽) », «Зарплата от*» → «зарплата от»."""
    text = str(text or "").replace("\xa0", " ").replace("\ufeff", "").lower().replace("ё", "е")
    text = re.sub(r"[(\[].*?([)\]]|$)", " ", text)  # units and notes in brackets
    text = text.split(",")[0]  # units after a comma
    return " ".join(text.strip(" *:.\t\r\n").split())


# Columns that only number the rows of a printed table; never data.
ROW_NUMBER_HEADINGS = {"№", "n", "№ п/п", "n п/п", "номер п/п", "п/п", "#"}


@dataclass(frozen=True)
class Column:
    """A column an import reads: the key its code uses, the Russian heading of exports and templates, the
    other headings people give it, and what the template's instructions say of it."""

    key: str
    heading: str  # translatable (lazy)
    help: str = ""  # what to write, translatable (lazy)
    aliases: tuple[str, ...] = ()
    required: bool = False
    choices: Callable[[], list[str]] | None = None  # the template's drop-down list
    multiple: bool = False  # several values, separated by «;»

    def names(self):
        return {normal_heading(name) for name in (self.key, str(self.heading), *self.aliases)}


def heading_index(columns):
    index = {}
    for column in columns:
        for name in column.names():
            index.setdefault(name, column)
    for language in locales.languages():  # the heading in any language of the portal
        with translation.override(language):
            for column in columns:
                index.setdefault(normal_heading(str(column.heading)), column)
    return index


def match_headings(columns, headings, report):
    """The column key for each position of ``headings`` (None for an ignored column); unknown, repeated and
    missing columns are reported against row 1."""
    index = heading_index(columns)
    keys, seen = [], {}
    for heading in headings:
        name = normal_heading(heading)
        column = index.get(name)
        if not name or name in ROW_NUMBER_HEADINGS:
            keys.append(None)
        elif column is None:
            report.add(
                1,
                heading,
                heading,
                _("Unknown column. The columns of this import are: %(columns)s.")
                % {"columns": "; ".join(f"«{c.heading}»" for c in columns)},
            )
            keys.append(None)
        elif column.key in seen:
            report.add(
                1,
                heading,
                heading,
                _("This is the same column as «%(other)s»; keep one of them.") % {"other": seen[column.key]},
            )
            keys.append(None)
        else:
            seen[column.key] = heading
            report.columns[column.key] = heading
            keys.append(column.key)
    for column in columns:
        if column.required and column.key not in seen:
            report.add(
                1, column.heading, "", _("The required column «%(heading)s» is missing.") % {"heading": column.heading}
            )
    return keys


def prepare_rows(table, keys, report):
    """``(row number, {key: cell})`` for each row with data; blank rows are counted as skipped, and a cell
    beyond the header (or under a column that is ignored) is reported."""
    width = len(keys)
    prepared = []
    report.count("skipped", n=table.blank_rows)
    for number, cells in table.rows:
        for position, cell in enumerate(cells[width:], start=width):
            if cell is not None:
                report.add(
                    number,
                    openpyxl.utils.get_column_letter(position + 1),
                    cell,
                    _("A value in column %(letter)s, which has no heading: the row has more cells than the header.")
                    % {"letter": openpyxl.utils.get_column_letter(position + 1)},
                )
        prepared.append((number, {key: cell for key, cell in zip(keys, cells, strict=False) if key}))
    report.rows = len(prepared)
    return prepared


# -- values as offices write them ----------------------------------------------------------------------------
NUMBER_NOISE = re.compile(r"[\s\u00a0\u202f\u2009'’]|₽|руб\.?|р\.|rub", re.IGNORECASE)


def parse_number(value):
    """«65 000,00», «65 000» (with a non-breaking space), «1234,5», «45 000 ₽» → a Decimal; None for an
    empty cell; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    text = str(value) if isinstance(value, int | float | Decimal) else NUMBER_NOISE.sub("", str(value))
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number


def normal_name(text):
    """A name compared as people mean it: case, «ё», quotes, dashes and extra spaces do not matter."""
    text = str(text or "").replace("\xa0", " ").lower().replace("ё", "е")
    text = re.sub(r"[«»\"“”„'`]", "", text)
    text = re.sub(r"\s*[‐‑‒–—―-]\s*", "-", text)
    return " ".join(text.split())


# -- running an import ---------------------------------------------------------------------------------------
class Progress:
    """Calls ``callback(done, total)`` every ``PROGRESS_EVERY`` rows and at the end."""

    def __init__(self, callback, total):
        self.callback, self.total, self.done = callback, total, 0

    def step(self):
        self.done += 1
        if self.callback and (self.done % PROGRESS_EVERY == 0 or self.done == self.total):
            self.callback(self.done, self.total)


def run_table_import(content, filename, columns, import_rows, *, kind, label, dry_run, progress=None):
    """Reads ``content``, matches its headings to ``columns`` and hands the rows to
    ``import_rows(rows, report, write=…, progress=Progress)``, which must write only when asked to.
    It is asked to only when this is not a dry run and the file itself had no problem. Never raises for
    what a file holds: every problem ends in the report."""
    with translation.override(settings.LANGUAGE_CODE):
        report = ImportReport(kind=kind, label=str(label))
        report.counts[kind] = dict.fromkeys(OUTCOMES, 0)
        index = heading_index(columns)
        try:
            table = read_table(content, filename, recognises=lambda heading: normal_heading(heading) in index)
        except ImportFileError as error:
            report.add(None, "", "", str(error))
            return report
        keys = match_headings(columns, table.headings, report)
        if not report.ok:
            return report
        rows = prepare_rows(table, keys, report)
        try:
            import_rows(rows, report, write=not dry_run and report.ok, progress=Progress(progress, len(rows)))
        except Exception:  # a fault of the portal, not of the file: logged for the operators
            logger.exception("Import of %s from %s failed", kind, filename)
            report.add(None, "", "", _("The import failed because of an error in the portal; nothing was written."))
            report.written = False
        return report


def problems_text(report):
    """The report's problems as lines for a terminal."""
    lines = []
    for problem in report.sorted_problems():
        where = [_("row %(row)s") % {"row": problem.row}] if problem.row else []
        if problem.column:
            where.append(_("column «%(column)s»") % {"column": problem.column})
        value = _(" (found: «%(value)s»)") % {"value": problem.value} if problem.value else ""
        lines.append(f"{', '.join(where) or _('file')}: {problem.message}{value}")
    return lines


def problems_count(report):
    n = len(report.problems)
    return ngettext(
        "%(count)s problem found; nothing was written.", "%(count)s problems found; nothing was written.", n
    ) % {"count": n}


def import_from_command(command, run, path, options, *, dry_run):
    """What the import commands share: the file's size checked before it is read, a tqdm bar fed by the
    progress callback, every problem on stderr in Russian, and a CommandError when there was any."""
    from django.core.management.base import CommandError
    from tqdm import tqdm

    with translation.override(settings.LANGUAGE_CODE):
        try:
            check_upload_size(path.stat().st_size)
        except FileNotFoundError as error:
            raise CommandError(_("No such file: %(path)s") % {"path": path}) from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        with tqdm(unit="row", desc=path.name, disable=not command.stdout.isatty()) as bar:

            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            report = run(path.read_bytes(), path.name, options, dry_run=dry_run, progress=progress)
        for line in problems_text(report):
            command.stderr.write(line)
        if not report.ok:
            raise CommandError(problems_count(report))
        verb = _("written") if report.written else _("checked, nothing written (dry run)")
        summary = " ".join(report.summary())
        command.stdout.write(command.style.SUCCESS(f"{report.label}: {report.rows} — {verb}. {summary}"))
        return report
