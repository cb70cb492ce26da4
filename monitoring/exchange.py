"""Observations from a spreadsheet: the municipalities' figures for a year, one row per indicator and
district. The file is read like the atlas's imports (XLSX, or CSV in UTF-8 or cp1251 with «;» or «,»), every
row is checked, and only a file without a single problem is written, in one transaction."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from atlas.models import MunicipalDistrict

from .models import Indicator, Observation
from .models.observations import observation_problems

# Column → the names it may have in the header row (Russian office files, or the English export).
COLUMNS = {
    "indicator": ("показатель", "indicator"),
    "district": ("район", "муниципальное образование", "district"),
    "year": ("год", "year"),
    "numerator": ("числитель", "значение", "numerator", "value"),
    "denominator": ("знаменатель", "denominator"),
    "source": ("источник", "source"),
    "comment": ("комментарий", "comment"),
}
REQUIRED = ("indicator", "district", "year", "numerator")
KRAI = {"хабаровский край", "край", "khabarovsk krai", "krai", ""}


@dataclass
class ImportReport:
    problems: list = field(default_factory=list)  # (row number in the file, column, message)
    rows: int = 0
    written: bool = False

    @property
    def ok(self):
        return not self.problems


def number(text):
    """An integer as offices write it: «1 234», «1234,0»; None for an empty cell; ValueError otherwise."""
    text = str(text if text is not None else "").replace("\u00a0", "").replace(" ", "").strip()
    if not text:
        return None
    value = float(text.replace(",", "."))
    if value != int(value):
        raise ValueError(text)
    return int(value)


def run_import(dataset, *, user=None, dry_run=True):
    report = ImportReport(rows=dataset.height)
    headers = {(h or "").strip().lower(): h for h in dataset.headers}
    columns = {key: next((headers[n] for n in names if n in headers), None) for key, names in COLUMNS.items()}
    missing = [COLUMNS[key][0] for key in REQUIRED if columns[key] is None]
    if missing:
        report.problems.append((1, ", ".join(missing), _("Required columns are missing.")))
        return report
    indicators = {i.number: i for i in Indicator.objects.all()}
    districts = {d.name.lower(): d for d in MunicipalDistrict.objects.filter(locale__language_code="ru")}
    seen, observations = {}, []
    for line, row in enumerate(dataset.dict, start=2):
        cell = {key: (row.get(col) if col else None) for key, col in columns.items()}
        problems_before = len(report.problems)
        values = {}
        for key in ("indicator", "year", "numerator", "denominator"):
            try:
                values[key] = number(cell[key])
            except ValueError:
                report.problems.append(
                    (line, columns[key], _("«%(value)s» is not a whole number.") % {"value": cell[key]})
                )
        indicator = indicators.get(values.get("indicator"))
        if "indicator" in values and indicator is None:
            report.problems.append(
                (
                    line,
                    columns["indicator"],
                    _("There is no indicator «%(value)s»; the numbers are 1–%(last)s.")
                    % {"value": cell["indicator"], "last": max(indicators, default=0)},
                )
            )
        name = str(cell["district"] or "").strip()
        district = None
        if name.lower() not in KRAI:
            district = districts.get(name.lower())
            if district is None:
                report.problems.append(
                    (
                        line,
                        columns["district"],
                        _("There is no district «%(name)s» in the krai.") % {"name": name[:100]},
                    )
                )
        if indicator is not None and len(report.problems) == problems_before:
            for field_name, message in observation_problems(
                indicator, values["year"] or 0, values["numerator"], values["denominator"]
            ).items():
                report.problems.append((line, columns.get(field_name) or field_name, str(message)))
        key = (values.get("indicator"), district.pk if district else None, values.get("year"))
        if key in seen:
            report.problems.append((line, columns["district"], _("Repeats row %(row)s.") % {"row": seen[key]}))
        seen.setdefault(key, line)
        if len(report.problems) == problems_before:
            observations.append(
                Observation(
                    indicator=indicator,
                    district=district,
                    year=values["year"],
                    numerator=values["numerator"],
                    denominator=values["denominator"],
                    source=str(cell["source"] or "").strip()[:255] or "Оперативные данные ОМСУ",
                    comment=str(cell["comment"] or "").strip(),
                    entered_by=user,
                )
            )
    if report.ok and not dry_run:
        with transaction.atomic():
            for observation in observations:
                observation.save()  # one by one: each replaces the current observation it corrects
        report.written = True
    return report
