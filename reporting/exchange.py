"""A district's figures from a spreadsheet, for coordinators who keep them in Excel: one row per indicator, read as
the monitoring's central import reads its files (the same columns, «1 234», districts as people write them) and
through the same admin screen and background worker. Every row is checked; a file without a single problem fills
the report's draft, all of it at once; a file naming another district, an indicator the round does not collect, or
a report that was submitted or closed meanwhile writes nothing."""

import dataclasses
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atlas.lookups import DistrictLookup
from monitoring.exchange import COLUMN, district_choices, district_in_cell, whole_number
from monitoring.models.observations import observation_problems
from portal.importing import run_table_import

from . import access, workflow
from .models import DistrictReport

KIND, LABEL = "figures", gettext_lazy("district figures")
COLUMNS = [
    COLUMN["indicator"],
    COLUMN["numerator"],
    COLUMN["denominator"],
    dataclasses.replace(
        COLUMN["district"],
        required=False,
        help=gettext_lazy("May be left out; when given, it must be the report's district."),
        choices=district_choices,
    ),
]


def may_import(user, options=None):
    """The screen for anybody who reports for a district; a file only into a report of one of their districts."""
    if options is None:
        return access.districts_of(user).exists()
    report = DistrictReport.objects.filter(pk=options.get("report")).first()
    return report is not None and access.may_edit(user, report.district_id)


def template_rows(report):
    """The template's rows: each indicator of the round with the figures the draft already has."""
    figures = {figure.indicator_id: figure for figure in report.figures.all()}
    rows = []
    for indicator in report.round.indicators.order_by("number"):
        figure = figures.get(indicator.pk)
        rows.append(
            [
                f"{indicator.number} — {indicator.name}",
                figure.numerator if figure else None,
                figure.denominator if figure else None,
                report.district.name,
            ]
        )
    return rows


def run_import(content: bytes, filename: str, options: dict, *, dry_run: bool, progress=None, user=None):
    return run_table_import(
        content,
        filename,
        COLUMNS,
        lambda rows, report, *, write, progress: _import_rows(rows, report, write, progress, options["report"], user),
        kind=KIND,
        label=LABEL,
        dry_run=dry_run,
        progress=progress,
    )


def _import_rows(rows, report, write, progress, report_pk, user):
    district_report = DistrictReport.objects.select_related("round", "district").get(pk=report_pk)
    if not district_report.is_editable:
        report.add(None, "", "", _("The report can no longer be changed (submitted, approved or closed)."))
        return
    indicators = {indicator.number: indicator for indicator in district_report.round.indicators.all()}
    districts = DistrictLookup()
    seen, values = {}, {}
    for line, cell in rows:
        progress.step()
        before = len(report.problems)

        def problem(key, message, line=line, cell=cell):
            report.add(line, report.heading(COLUMN[key]), cell.get(key), message)

        numbers = {}
        for key in ("numerator", "denominator"):
            try:
                numbers[key] = whole_number(cell.get(key))
            except ValueError:
                problem(key, _("This is not a whole number."))
        match = re.match(r"\s*(\d+)", str(cell.get("indicator") or ""))
        indicator = indicators.get(int(match.group(1))) if match else None
        if indicator is None:
            problem(
                "indicator",
                _("This round does not collect this indicator; it collects %(numbers)s.")
                % {"numbers": ", ".join(str(number) for number in sorted(indicators))},
            )
        if str(cell.get("district") or "").strip():
            district = district_in_cell(districts, cell.get("district"), lambda message: problem("district", message))
            if district is not None and district.pk != district_report.district_id:
                problem(
                    "district",
                    _("This row is for «%(row)s», the report is for «%(report)s»: each district sends its own.")
                    % {"row": district.name, "report": district_report.district.name},
                )
        if indicator is not None:
            # Every fault of the row at once; a figure that is not a number is not also reported as missing.
            found = observation_problems(
                indicator, district_report.round.year, numbers.get("numerator"), numbers.get("denominator")
            )
            for field_name, message in found.items():
                if field_name in numbers or field_name not in ("numerator", "denominator"):
                    problem(field_name if field_name in COLUMN else "numerator", str(message))
        if len(report.problems) != before:
            continue
        if indicator.pk in seen:
            problem("indicator", _("Repeats row %(row)s.") % {"row": seen[indicator.pk]})
            continue
        seen[indicator.pk] = line
        values[indicator.pk] = (numbers["numerator"], numbers.get("denominator"))
        report.count("updated")
    if write and report.ok:
        try:
            workflow.save_draft(district_report, values, district_report.comment, user)
        except workflow.Refused as refusal:
            report.add(None, "", "", str(refusal))
            return
        report.written = True
