"""A district report's way: draft → submitted → returned with comments → submitted again → approved. Each step locks
the round and the report (a round closed, or a report decided, while a coordinator types is seen, not overwritten),
is logged in Wagtail's history with who took it, and refuses with a ``Refused`` whose message says why. Approval is
the only way a report's figures reach the monitoring: they become current observations, the earlier ones kept in
the history."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from monitoring.models import Observation
from monitoring.models.observations import observation_problems, share
from portal import locales, numbers
from portal.addresses import public_url
from portal.mail import queue_letter

from .models import CollectionRound, DistrictReport, ReportFigure, State

SOURCE = "Сбор данных мониторинга: отчёт муниципального координатора"


class Refused(Exception):
    def __str__(self):
        return str(self.args[0])


def report_for(round, district):
    """The district's report in the round, begun as an empty draft the first time anybody opens it."""
    report, _created = DistrictReport.objects.get_or_create(round=round, district=district)
    return report


def previous_observations(report):
    """{indicator id: the current reported observation of the year before}, for the values beside each field."""
    return {
        observation.indicator_id: observation
        for observation in Observation.objects.reported().filter(
            is_current=True, grade_band="", district=report.district_id, year=report.round.year - 1
        )
    }


def value_of(indicator, numerator, denominator):
    if numerator is None or (indicator.is_share and not denominator):
        return None
    return share(numerator, denominator) if indicator.is_share else numerator


def jumps(round, indicators, values, previous):
    """{indicator id: (previous value, new value)} where the new value differs from last year's by more than the
    round's share (a zero that becomes anything counts)."""
    found = {}
    for indicator in indicators:
        new = value_of(indicator, *values.get(indicator.pk, (None, None)))
        before = previous.get(indicator.pk)
        if new is None or before is None:
            continue
        change = abs(new - before.value) * 100 / before.value if before.value else (100 if new else 0)
        jumped = change > round.jump_warning
        if jumped:
            found[indicator.pk] = (before.value, new)
    return found


def _locked(report):
    """The report and its round, locked until the transaction ends: decisions and closings wait for each other."""
    round = CollectionRound.objects.select_for_update().get(pk=report.round_id)
    report = DistrictReport.objects.select_for_update().get(pk=report.pk)
    report.round = round
    return report


def _check_editable(report):
    if not report.round.is_open:
        raise Refused(
            _("The collection was closed on %(date)s: nothing can be changed in it any more.")
            % {"date": format_date(timezone.localtime(report.round.closed_at), "j E Y")}
        )
    if report.state == State.SUBMITTED:
        raise Refused(_("The report is submitted and waits for the analyst: it cannot be changed now."))
    if report.state == State.APPROVED:
        raise Refused(_("The report is approved: its figures are in the monitoring and cannot be changed here."))


@transaction.atomic
def save_draft(report, values, comment, user):
    """Keep ``values`` ({indicator id: (numerator, denominator)}, either may be None) and the comment."""
    report = _locked(report)
    _check_editable(report)
    for indicator_id, (numerator, denominator) in values.items():
        ReportFigure.objects.update_or_create(
            report=report, indicator_id=indicator_id, defaults={"numerator": numerator, "denominator": denominator}
        )
    report.comment = comment
    report.save(update_fields=["comment", "changed_at"])
    log(report, "reporting.save", user=user)
    return report


def missing_or_wrong(report):
    """{indicator: message} of the round's indicators whose figures cannot go to the monitoring as they are."""
    figures = {figure.indicator_id: figure for figure in report.figures.all()}
    problems = {}
    for indicator in report.round.indicators.all():
        figure = figures.get(indicator.pk)
        if figure is None or figure.numerator is None:
            problems[indicator] = _("Enter the value.")
            continue
        found = observation_problems(indicator, report.round.year, figure.numerator, figure.denominator)
        if found:
            problems[indicator] = " ".join(str(message) for message in found.values())
    return problems


@transaction.atomic
def submit(report, user, today=None):
    report = _locked(report)
    _check_editable(report)
    if report.state == State.DRAFT and report.round.deadline_passed(today):
        raise Refused(
            _(
                "The deadline was %(date)s: the figures are saved as a draft, but only the analyst can accept them "
                "now. Write to them to extend the deadline."
            )
            % {"date": format_date(report.round.deadline, "j E Y")}
        )
    problems = missing_or_wrong(report)
    if problems:
        raise Refused(
            _("Not submitted: %(problems)s")
            % {"problems": "; ".join(f"{indicator.number}. {message}" for indicator, message in problems.items())}
        )
    figures = {figure.indicator_id: (figure.numerator, figure.denominator) for figure in report.figures.all()}
    indicators = list(report.round.indicators.all())
    if jumps(report.round, indicators, figures, previous_observations(report)) and not report.comment.strip():
        raise Refused(
            _("Some values differ from last year's by more than %(share)s: explain them in the comment first.")
            % {"share": numbers.percent(report.round.jump_warning)}
        )
    report.state, report.submitted_at, report.submitted_by = State.SUBMITTED, timezone.now(), user
    report.save(update_fields=["state", "submitted_at", "submitted_by", "changed_at"])
    log(report, "reporting.submit", user=user)
    return report


def _check_submitted(report):
    if report.state != State.SUBMITTED:
        raise Refused(
            _("The report is «%(state)s», not submitted: there is nothing to decide.")
            % {"state": report.get_state_display()}
        )


@transaction.atomic
def return_report(report, review, user):
    """Back to the coordinators with the analyst's comments, which they get by e-mail."""
    report = _locked(report)
    _check_submitted(report)
    if not report.round.is_open:
        raise Refused(_("The collection is closed: open it again before returning a report."))
    if not review.strip():
        raise Refused(_("Write what is to be corrected."))
    report.state, report.review = State.RETURNED, review.strip()
    report.decided_at, report.decided_by = timezone.now(), user
    report.save(update_fields=["state", "review", "decided_at", "decided_by", "changed_at"])
    log(report, "reporting.return", user=user, data={"review": report.review})
    for coordinator in coordinators_of(report.district_id):
        queue_letter(
            "reporting/mail/returned.txt",
            {"report": report, "coordinator": coordinator, "link": report_link(report)},
            coordinator.email,
            locales.default_language(),
        )
    return report


@transaction.atomic
def approve(report, user):
    """The figures become current observations; a figure equal to the current one changes nothing. Returns how many
    observations were written."""
    report = _locked(report)
    _check_submitted(report)
    problems = missing_or_wrong(report)  # the indicators may have changed (a count made a share) since submission
    if problems:
        raise Refused(
            _("Cannot be approved: %(problems)s")
            % {"problems": "; ".join(f"{indicator.number}. {message}" for indicator, message in problems.items())}
        )
    year, district = report.round.year, report.district_id
    current = {
        observation.indicator_id: (observation.numerator, observation.denominator)
        for observation in Observation.objects.reported().filter(
            is_current=True, grade_band="", district=district, year=year
        )
    }
    written = 0
    for figure in report.figures.filter(indicator__in=report.round.indicators.all()).select_related("indicator"):
        denominator = figure.denominator if figure.indicator.is_share else None
        if current.get(figure.indicator_id) == (figure.numerator, denominator):
            continue
        observation = Observation(
            indicator=figure.indicator,
            district_id=district,
            year=year,
            numerator=figure.numerator,
            denominator=denominator,
            source=SOURCE,
            comment=report.comment,
            entered_by=report.submitted_by,
        )
        observation.save()
        log(observation, "wagtail.create", user=user, content_changed=True)
        written += 1
    report.state, report.decided_at, report.decided_by = State.APPROVED, timezone.now(), user
    report.save(update_fields=["state", "decided_at", "decided_by", "changed_at"])
    log(report, "reporting.approve", user=user, data={"observations": written})
    return written


@transaction.atomic
def close(round, user):
    round = CollectionRound.objects.select_for_update().get(pk=round.pk)
    round.closed_at = timezone.now()
    round.save(update_fields=["closed_at"])
    log(round, "reporting.close", user=user)
    return round


@transaction.atomic
def reopen(round, user):
    round = CollectionRound.objects.select_for_update().get(pk=round.pk)
    round.closed_at = None
    round.save(update_fields=["closed_at"])
    log(round, "reporting.reopen", user=user)
    return round


def coordinators_of(district_id):
    """The active people with the coordinators' role assigned to the district who have an address to write to."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            teacher_coordinator__districts=district_id,
            groups__permissions__codename="report_district",
            groups__permissions__content_type__app_label="reporting",
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def report_link(report):
    """The report's screen in the admin, as a full address for a letter."""
    return public_url(reverse("reporting_report", args=[report.round_id, report.district_id]))
