"""Observations from a spreadsheet: the municipalities' figures for a year, one row per indicator and
district. ``run_import`` is the one import function the admin screen and ``import_observations`` call. The
file is read as the atlas's imports read theirs (portal.importing: Russian headings and their variants,
«1 234», districts as people write them); every row is checked, and only a file without a single problem is
written, in one transaction. A row that repeats the current figure changes nothing; one that differs becomes a
correction, the earlier figure staying in the history. It runs with the rights of the person who started it: new
figures need the permission to add observations, corrections the permission to change them; each observation
names them as who entered it, and so does its log entry."""

import re

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.log_actions import log

from atlas.lookups import DistrictLookup
from portal.importing import Column, normal_name, parse_number, run_table_import

from .models import Indicator, Observation
from .models.observations import observation_problems

KIND, LABEL = "observations", gettext_lazy("observations")
KRAI = {"хабаровский край", "край", "весь край", "по краю", "итого по краю", "всего по краю", "khabarovsk krai", "krai"}
KRAI_LABEL = "Хабаровский край"


def indicator_choices():
    """The indicators to choose from in the template's column: numbers and names of the default language."""
    indicators = Indicator.objects.in_default_locale().order_by("number")
    return [f"{number} — {name}" for number, name in indicators.values_list("number", "name")]


def district_choices():
    return [KRAI_LABEL, *(district.name for district in DistrictLookup().every_district())]


COLUMNS = [
    Column(
        "indicator",
        pgettext_lazy("spreadsheet column", "Indicator"),
        gettext_lazy("The indicator's number (a choice from the list gives the number with its name)."),
        ("показатель", "номер показателя", "№ показателя", "indicator"),
        required=True,
        choices=indicator_choices,
    ),
    Column(
        "district",
        pgettext_lazy("spreadsheet column", "Municipal district"),
        gettext_lazy("As people write it («г. Хабаровск», «район имени Лазо»); «Хабаровский край» for the krai."),
        ("район", "муниципальное образование", "муниципальный район", "территория", "мо", "district"),
        required=True,
        choices=district_choices,
    ),
    Column("year", pgettext_lazy("spreadsheet column", "Year"), "", ("год", "отчетный год", "year"), required=True),
    Column(
        "numerator",
        pgettext_lazy("spreadsheet column", "Value or numerator"),
        gettext_lazy("A whole number; for a share, how many of the denominator."),
        ("числитель", "значение", "value", "numerator"),
        required=True,
    ),
    Column(
        "denominator",
        pgettext_lazy("spreadsheet column", "Denominator"),
        gettext_lazy("Only for a share: what it is a share of."),
        ("знаменатель", "denominator"),
    ),
    Column("source", pgettext_lazy("spreadsheet column", "Source"), "", ("источник", "источник данных", "source")),
    Column("comment", pgettext_lazy("spreadsheet column", "Comment"), "", ("комментарий", "примечание", "comment")),
]
COLUMN = {column.key: column for column in COLUMNS}


def whole_number(value):
    """An integer as offices write it: «1 234», «1234,0»; None for an empty cell; ValueError otherwise."""
    number = parse_number(value)
    if number is not None and number != int(number):
        raise ValueError(value)
    return None if number is None else int(number)


def may_import(user, options=None):
    """The access check of the observations import (portal.admin_import)."""
    return user.has_perm("monitoring.add_observation")


def run_import(content: bytes, filename: str, options: dict, *, dry_run: bool, progress=None, user=None):
    """Checks the file and, unless ``dry_run``, writes it when nothing is wrong, with the rights of ``user``, who
    entered the figures (None: the import command, with all of them)."""
    return run_table_import(
        content,
        filename,
        COLUMNS,
        lambda rows, report, *, write, progress: _import_rows(rows, report, write, progress, user),
        kind=KIND,
        label=LABEL,
        dry_run=dry_run,
        progress=progress,
    )


def _import_rows(rows, report, write, progress, user):
    indicators = {i.number: i for i in Indicator.objects.in_default_locale()}
    districts = DistrictLookup()
    current = {
        (o.indicator_id, o.district_id, o.year): (o.numerator, o.denominator)
        for o in Observation.objects.reported().filter(is_current=True, grade_band="")
    }
    seen, observations = {}, []
    for line, cell in rows:
        progress.step()
        problems_before = len(report.problems)

        def problem(key, message, line=line, cell=cell):
            report.add(line, report.heading(COLUMN[key]), cell.get(key), message)

        values = {}
        for key in ("year", "numerator", "denominator"):
            try:
                values[key] = whole_number(cell.get(key))
            except ValueError:
                problem(key, _("This is not a whole number."))
        match = re.match(r"\s*(\d+)", str(cell.get("indicator") or ""))
        indicator = indicators.get(int(match.group(1))) if match else None
        if indicator is None:
            problem(
                "indicator",
                _("There is no such indicator; the numbers are 1–%(last)s.") % {"last": max(indicators, default=0)},
            )
        district = district_in_cell(districts, cell.get("district"), lambda message: problem("district", message))
        if "year" in values and values["year"] is None:
            problem("year", _("Enter the year."))
        # Every fault of the row at once: the figures are checked whatever else is wrong with it, except a field
        # already reported (a value that is not a number is not also «missing»).
        unreadable = {key for key in ("year", "numerator", "denominator") if key not in values}
        found = observation_problems(indicator, values.get("year"), values.get("numerator"), values.get("denominator"))
        for field_name, message in found.items():
            if field_name not in unreadable and not (field_name == "year" and values.get("year") is None):
                problem(field_name, str(message))
        if len(report.problems) != problems_before:
            continue
        key = (indicator.pk, district.pk if district else None, values["year"])
        if key in seen:
            problem("district", _("Repeats row %(row)s.") % {"row": seen[key]})
            continue
        seen[key] = line
        figures = (values["numerator"], values["denominator"])
        if current.get(key) == figures:
            report.count("unchanged")
            continue
        action = "change" if key in current else "add"
        if user is not None and not user.has_perm(f"monitoring.{action}_observation"):
            problem(
                "numerator",
                _("You may not correct a figure that was entered before.")
                if key in current
                else _("You may not enter new figures."),
            )
            continue
        report.count("updated" if key in current else "created")
        observations.append(
            Observation(
                indicator=indicator,
                district=district,
                year=values["year"],
                numerator=values["numerator"],
                denominator=values["denominator"],
                source=str(cell.get("source") or "").strip()[:255] or "Оперативные данные ОМСУ",
                comment=str(cell.get("comment") or "").strip(),
                entered_by=user,
            )
        )
    if write and report.ok:
        with transaction.atomic():
            for observation in observations:
                observation.save()  # one by one: each replaces the current observation it corrects
                log(observation, "wagtail.create", user=user, content_changed=True)
        report.written = True


def district_in_cell(districts, value, problem):
    """The district of a cell; None for the krai as a whole (or an empty cell)."""
    name = normal_name(value)
    if name in KRAI or not name:
        return None
    if districts.means_every_district(name):
        problem(_("One district per row, or «%(krai)s» for the krai as a whole.") % {"krai": KRAI_LABEL})
        return None
    found = districts.find(name)
    if len(found) == 1:
        return found[0]
    if found:
        problem(
            _("Fits several districts: %(names)s. Write the full name.")
            % {"names": "; ".join(district.name for district in found)}
        )
    else:
        problem(_("There is no such district in the krai."))
    return None
