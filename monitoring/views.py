"""The monitoring section's routes: one indicator's series, one district's picture, a report's PDF and data."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atlas.models import MunicipalDistrict
from portal.forms import QueryFilterForm
from portal.querytext import plain_query
from portal.spreadsheets import table_response

from . import facets
from .charts import bar_chart
from .figures import Figures, portal_counts
from .models import PROGRAMME_YEARS, Indicator


def not_found(request, page, message):
    return TemplateResponse(request, "monitoring/not_found.html", {"page": page, "message": message}, status=404)


def indicator_view(request, index, number):
    indicator = Indicator.objects.prefetch_related("targets").select_related("direction").filter(number=number).first()
    if indicator is None:
        return not_found(
            request,
            index,
            _("There is no indicator number %(number)s; the programme has %(count)s.")
            % {"number": number, "count": Indicator.objects.count()},
        )
    figures = Figures([indicator])
    item = figures.indicators[0]
    latest = max(item.krai, default=None)
    context = {
        "page": index,
        "indicator": indicator,
        "item": item,
        "years": figures.years,
        "demo": figures.demo,
        "trend_chart": bar_chart(
            [(str(y), item.krai[y].value if y in item.krai else None) for y in figures.years],
            Figures.target(indicator, latest) if latest else None,
        ),
        "latest": latest,
        "portal_rows": portal_counts([indicator], figures).get(indicator.pk, []),
    }
    return TemplateResponse(request, "monitoring/indicator.html", context)


def district_view(request, index, slug):
    district = MunicipalDistrict.objects.filter(slug=slug, locale__language_code="ru").first()
    if district is None:
        return not_found(request, index, _("There is no district «%(slug)s» in the monitoring.") % {"slug": slug[:60]})
    figures = Figures(district=district)
    rows = [(item, item.districts.get(district, {})) for item in figures.indicators]
    context = {"page": index, "district": district, "rows": rows, "years": figures.years, "demo": figures.demo}
    return TemplateResponse(request, "monitoring/district.html", context)


def data_rows(report):
    """The observations behind a report, one row per indicator, district (or the krai) and year."""
    context = report.report_context()
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
                        indicator.name,
                        place,
                        year,
                        cell.value,
                        indicator.get_unit_display(),
                        target,
                        met,
                    ]
                )
    return rows


def report_data(request, report, fmt):
    return table_response(data_rows(report), fmt, f"{report.title}.{fmt}", sheet_title=str(report.year))


class ReportSearchForm(QueryFilterForm):
    q = forms.CharField(label=gettext_lazy("Words in the report"), required=False, max_length=200)
    year = forms.ChoiceField(label=gettext_lazy("Year"), required=False)
    district = forms.ChoiceField(label=gettext_lazy("District below target"), required=False)
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"), required=False)
    direction = forms.ChoiceField(label=gettext_lazy("Monitoring direction"), required=False)

    def __init__(self, data, *, labels):
        super().__init__(data)
        anything = [("", gettext_lazy("Any"))]
        self.fields["year"].choices = [*anything, *((str(y), str(y)) for y in PROGRAMME_YEARS)]
        for facet in ("district", "indicator", "direction"):
            self.fields[facet].choices = [*anything, *labels[facet].items()]


def facet_link(request, facet, value):
    """The current search with ``facet`` set to ``value`` (or removed for None)."""
    params = request.GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(facet, None)
    else:
        params[facet] = value
    return "?" + params.urlencode()


def report_search(request, index):
    """Reports by words and facets; an unknown facet value is reported beside its field and ignored."""
    labels = facets.labels()
    form = ReportSearchForm(request.GET or None, labels=labels)
    values = form.valid_values()
    query = plain_query(values.pop("q", ""))
    result = facets.search_reports(query, values, locale=index.locale)
    groups = []
    for facet in facets.FACETS:
        names = labels.get(facet, {})
        counts = result.counts.get(facet, {})
        order = {"year": lambda v: -int(v), "district": lambda v, names=names: names.get(v, v)}.get(facet, int)
        groups.append(
            {
                "name": facet,
                "label": form.fields[facet].label,
                "chosen": values.get(facet),
                "values": [
                    (value, names.get(value, value), counts[value], facet_link(request, facet, value))
                    for value in sorted(counts, key=order)
                ],
                "remove": facet_link(request, facet, None),
            }
        )
    context = {"page": index, "form": form, "query": query, "reports": result.reports, "groups": groups}
    return TemplateResponse(request, "monitoring/report_search.html", context)
