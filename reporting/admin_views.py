"""The admin screens of the collection: the list of rounds (a coordinator's own districts; every round for an
analyst), the analyst's dashboard of a round with its export, and a district's report — the coordinator's form, the
analyst's decision, the evidence files and the history. Every view asks reporting.access first."""

from collections import Counter

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from atlas.models import MunicipalDistrict
from portal import private_media
from portal.admin_import import import_screen
from portal.import_templates import template_response
from portal.spreadsheets import table_response

from . import access, exchange, workflow
from .forms import EvidenceForm, FiguresFileForm, ReportForm, ReturnForm
from .models import CollectionRound, DistrictReport, EvidenceFile, ReportFigure, State

NOT_BEGUN = gettext_lazy("not begun")  # a district that has not opened its report yet


def districts():
    return MunicipalDistrict.objects.in_default_locale().order_by("name")


def index_view(request):
    analyst = access.is_analyst(request.user)
    own = list(access.districts_of(request.user))
    if not analyst and not own:
        raise Http404  # the menu item shows to neither; the screen says nothing of the collection either
    rounds = list(CollectionRound.objects.all())
    reports = {
        (report.round_id, report.district_id): report
        for report in DistrictReport.objects.filter(district__in=own).only("round", "district", "state")
    }
    for round in rounds:
        round.own = [(district, reports.get((round.pk, district.pk))) for district in own]
    if analyst:
        counts = DistrictReport.objects.values("round").annotate(
            submitted=Count("pk", filter=Q(state=State.SUBMITTED)),
            approved=Count("pk", filter=Q(state=State.APPROVED)),
        )
        by_round = {row["round"]: row for row in counts}
        for round in rounds:
            round.counts = by_round.get(round.pk, {"submitted": 0, "approved": 0})
    return TemplateResponse(
        request,
        "reporting/admin/index.html",
        {"rounds": rounds, "analyst": analyst, "district_count": districts().count()},
    )


def dashboard_rows(round):
    """(district, report or None, figures filled, figures wanted) for every district: two queries."""
    wanted = round.indicators.count()
    reports = {
        report.district_id: report
        for report in round.reports.annotate(
            filled=Count(
                "figures", filter=Q(figures__numerator__isnull=False, figures__indicator__in=round.indicators.all())
            )
        )
    }
    return [
        (district, reports.get(district.pk), getattr(reports.get(district.pk), "filled", 0), wanted)
        for district in districts()
    ]


def round_view(request, round_pk):
    access.check_analyst(request.user)
    round = get_object_or_404(CollectionRound, pk=round_pk)
    rows = dashboard_rows(round)
    begun = Counter(report.state for _district, report, _filled, _wanted in rows if report)
    states = [(NOT_BEGUN, len(rows) - sum(begun.values()))]
    states += [(label, begun[state]) for state, label in State.choices]
    context = {"round": round, "rows": rows, "states": states}
    return TemplateResponse(request, "reporting/admin/round.html", context)


def export_view(request, round_pk, fmt):
    """Every district's state and figures in the round, as CSV or XLSX."""
    access.check_analyst(request.user)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    round = get_object_or_404(CollectionRound, pk=round_pk)
    indicators = list(round.indicators.order_by("number"))
    figures = {}  # {district id: {indicator id: (numerator, denominator)}}, read with the reports' districts
    for district, indicator, *numbers in ReportFigure.objects.filter(report__round=round).values_list(
        "report__district_id", "indicator_id", "numerator", "denominator"
    ):
        figures.setdefault(district, {})[indicator] = numbers
    header = [
        _("District"),
        pgettext("report", "State"),
        pgettext("report", "Submitted"),
        pgettext("report", "Decided"),
    ]
    for indicator in indicators:
        value = pgettext("report", "Numerator") if indicator.is_share else pgettext("report", "Value")
        header.append(f"{indicator.number}: {value}")
        if indicator.is_share:
            header.append(f"{indicator.number}: {pgettext('report', 'Denominator')}")
    rows = [header]
    for district, report, _filled, _wanted in dashboard_rows(round):
        row = [
            district.name,
            str(State(report.state).label) if report else str(NOT_BEGUN),
            _moment(report.submitted_at) if report else "",
            _moment(report.decided_at) if report else "",
        ]
        own = figures.get(district.pk, {})
        for indicator in indicators:
            numerator, denominator = own.get(indicator.pk, (None, None))
            row.append(numerator)
            if indicator.is_share:
                row.append(denominator)
        rows.append(row)
    return table_response(rows, fmt, f"sbor-{round.year}.{fmt}", sheet_title=str(round.year))


def _moment(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


@require_POST
def round_state_view(request, round_pk):
    access.check_analyst(request.user)
    round = get_object_or_404(CollectionRound, pk=round_pk)
    if request.POST.get("action") == "close":
        workflow.close(round, request.user)
        messages.success(request, _("The collection is closed: coordinators can no longer change their reports."))
    elif request.POST.get("action") == "reopen":
        workflow.reopen(round, request.user)
        messages.success(request, _("The collection is open again."))
    return redirect("reporting_round", round.pk)


def _report(request, round_pk, district_pk):
    round = get_object_or_404(CollectionRound, pk=round_pk)
    district = get_object_or_404(districts(), pk=district_pk)
    access.check_see(request.user, district.pk)
    return workflow.report_for(round, district)


def report_view(request, round_pk, district_pk):
    report = _report(request, round_pk, district_pk)
    may_edit = access.may_edit(request.user, report.district_id)
    analyst = access.is_analyst(request.user)
    indicators = list(report.round.indicators.order_by("number"))
    previous = workflow.previous_observations(report)
    form = ReportForm(
        request.POST if request.method == "POST" and may_edit else None,
        report=report,
        indicators=indicators,
        figures={figure.indicator_id: figure for figure in report.figures.all()},
        previous=previous,
    )
    return_form = ReturnForm(request.POST if request.POST.get("action") == "return" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("save", "submit") and may_edit:
                if form.is_valid():
                    workflow.save_draft(report, form.values(), form.cleaned_data["comment"], request.user)
                    if action == "submit":
                        workflow.submit(report, request.user)
                        messages.success(request, _("The report is submitted. The analyst will check it."))
                    else:
                        messages.success(request, _("The draft is saved."))
                    return redirect("reporting_report", report.round_id, report.district_id)
            elif action == "return" and analyst:
                if return_form.is_valid():
                    workflow.return_report(report, return_form.cleaned_data["review"], request.user)
                    messages.success(request, _("The report is returned; its coordinators get a letter."))
                    return redirect("reporting_round", report.round_id)
            elif action == "approve" and analyst:
                written = workflow.approve(report, request.user)
                messages.success(
                    request,
                    _("The report is approved: %(count)s figures are now in the monitoring.") % {"count": written},
                )
                return redirect("reporting_round", report.round_id)
            else:
                raise Http404
        except workflow.Refused as refusal:
            messages.error(request, str(refusal))
            if action == "submit":  # the draft was saved before the submission was refused
                return redirect("reporting_report", report.round_id, report.district_id)
        report.refresh_from_db()
    values = (
        form.values()
        if form.is_bound and form.is_valid()
        else {figure.indicator_id: (figure.numerator, figure.denominator) for figure in report.figures.all()}
    )
    context = {
        "report": report,
        "form": form,
        "return_form": return_form,
        # Values posted into a report that can no longer change (closed meanwhile) stay in the form, not lost.
        "may_edit": may_edit and (report.is_editable or form.is_bound),
        "analyst": analyst,
        "jumps": workflow.jumps(report.round, indicators, values, previous),
        "evidence": report.evidence.all(),
        "evidence_form": EvidenceForm(report=report),
        "history": ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(DistrictReport), object_id=str(report.pk)
        )
        .select_related("user")
        .order_by("-timestamp"),
        "deadline_passed": report.round.deadline_passed(),
    }
    return TemplateResponse(request, "reporting/admin/report.html", context)


@require_POST
def evidence_upload_view(request, round_pk, district_pk):
    report = _report(request, round_pk, district_pk)
    access.check_edit(request.user, report.district_id)
    form = EvidenceForm(request.POST, request.FILES, report=report)
    if not report.is_editable:
        messages.error(request, _("The report can no longer be changed (submitted, approved or closed)."))
    elif form.is_valid():
        uploaded = form.cleaned_data["file"]
        EvidenceFile.objects.create(
            report=report,
            file=uploaded,
            original_name=uploaded.name[:255],
            size=uploaded.size,
            uploaded_by=request.user,
        )
        messages.success(request, _("The file «%(name)s» is added.") % {"name": uploaded.name})
    else:
        messages.error(request, " ".join(form.errors["file"]))
    return redirect(reverse("reporting_report", args=[report.round_id, report.district_id]) + "#evidence")


def _evidence(request, pk):
    evidence = get_object_or_404(EvidenceFile.objects.select_related("report__round"), pk=pk)
    access.check_see(request.user, evidence.report.district_id)
    return evidence


def evidence_view(request, pk):
    evidence = _evidence(request, pk)
    return private_media.serve(evidence.file, "application/octet-stream", download_name=evidence.original_name)


@require_POST
def evidence_delete_view(request, pk):
    evidence = _evidence(request, pk)
    access.check_edit(request.user, evidence.report.district_id)
    report = evidence.report
    if report.is_editable:
        evidence.delete()
        messages.success(request, _("The file «%(name)s» is removed.") % {"name": evidence.original_name})
    else:
        messages.error(request, _("The report can no longer be changed (submitted, approved or closed)."))
    return redirect(reverse("reporting_report", args=[report.round_id, report.district_id]) + "#evidence")


def import_view(request, round_pk, district_pk):
    report = _report(request, round_pk, district_pk)
    access.check_edit(request.user, report.district_id)
    return import_screen(
        request,
        FiguresFileForm(request.POST or None, request.FILES or None),
        importer="reporting.exchange.run_import",
        may_import="reporting.exchange.may_import",
        options=lambda data: {"report": report.pk},
        title=_("Figures of %(district)s for %(year)s from a file")
        % {"district": report.district.name, "year": report.round.year},
        explanation=_(
            "One row per indicator: its number, the value (for a share, the numerator) and the denominator. The file "
            "is checked first; nothing is written unless every row is correct. A correct file fills the report's "
            "draft, which you then check and submit."
        ),
        templates=[(_("the district's figures"), reverse("reporting_template", args=[round_pk, district_pk]))],
    )


def template_view(request, round_pk, district_pk):
    report = _report(request, round_pk, district_pk)
    return template_response(
        exchange.COLUMNS,
        f"sbor-{report.round.year}-{report.district.slug or report.district.pk}.xlsx",
        title=_("Figures of %(district)s for %(year)s from a file")
        % {"district": report.district.name, "year": report.round.year},
        rows=exchange.template_rows(report),
    )
