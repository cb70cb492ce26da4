"""A report's figures as a table, for its CSV and XLSX downloads."""

from django.utils.translation import gettext as _


def report_rows(context):
    """The observations behind a report (its ``report_context()``), one row per indicator, district (or the krai)
    and year; the indicator named in the visitor's language where it is translated."""
    header = [
        _("Indicator"),
        _("Indicator name"),
        _("District"),
        _("Year"),
        _("Value"),
        _("Unit"),
        _("Target value"),
        _("Target reached"),
    ]
    rows = [header]
    yes, no = _("yes"), _("no")
    for section in context["sections"]:
        item = section["figures"]
        indicator = item.indicator
        places = [(_("Khabarovsk Krai (total)"), item.krai), *((d.name, cells) for d, cells in item.districts.items())]
        for place, cells in places:
            for year, cell in sorted(cells.items()):
                met = "" if cell.met is None else (yes if cell.met else no)
                target = "" if cell.target is None else cell.target
                rows.append(
                    [
                        indicator.number,
                        indicator.shown.name,
                        place,
                        year,
                        cell.value,
                        indicator.get_unit_display(),
                        target,
                        met,
                    ]
                )
    return rows
