"""The competitions' calendar: the phase a competition is in on a day, the order of the list (this school year's
first, by phase; earlier years below, newest first), the calendar's checks, and the winners grouped by nomination.
Pure work on pages and entries already loaded: no queries of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Phase(models.TextChoices):
    OPEN = "open", _("Entries open")
    UPCOMING = "upcoming", _("Entries open soon")
    JUDGING = "judging", _("The jury is at work")
    RESULTS = "results", pgettext_lazy("competition", "Results published")


ORDER = [Phase.OPEN, Phase.UPCOMING, Phase.JUDGING, Phase.RESULTS]


def phase_of(competition, today):
    if competition.results_published_at:
        return Phase.RESULTS
    if today < competition.entries_open_on:
        return Phase.UPCOMING
    if today <= competition.entries_close_on:
        return Phase.OPEN
    return Phase.JUDGING


def school_year(day):
    """The first calendar year of the school year ``day`` is in (September to August)."""
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(first_year):
    return f"{first_year}/{(first_year + 1) % 100:02d}"


def arranged(competitions, today):
    """(current, past): current — [(phase, [competition])] in the order open, upcoming, judging, results, for the
    competitions not yet over or whose results came this school year; past — [(school year label, [competition])],
    newest first, for those whose results were published in an earlier school year."""
    this_year = school_year(today)
    current, past = {}, {}
    for competition in competitions:
        phase = phase_of(competition, today)
        if phase == Phase.RESULTS and school_year(competition.results_on) < this_year:
            past.setdefault(school_year(competition.results_on), []).append(competition)
        else:
            current.setdefault(phase, []).append(competition)
    return (
        [(phase, current[phase]) for phase in ORDER if phase in current],
        [(school_year_label(year), past[year]) for year in sorted(past, reverse=True)],
    )


def calendar_problems(competition):
    """{field: message} for a calendar whose dates are out of order."""
    problems = {}
    opens, closes, results = competition.entries_open_on, competition.entries_close_on, competition.results_on
    if opens and closes and closes < opens:
        problems["entries_close_on"] = _("Entries cannot close before they open.")
    if closes and results and results < closes:
        problems["results_on"] = _("Results cannot be announced before entries close.")
    return problems


def winners_by_nomination(competition, awarded):
    """[(nomination title, [entry])] in the nominations' order, winners before prize-winners; entries without a
    nomination under the competition's title."""
    nominations = list(competition.nominations.all())
    groups = {nomination.pk: [] for nomination in nominations}
    others = []
    for entry in sorted(awarded, key=lambda e: (e.result != "winner", e.participant_last_name)):
        groups.get(entry.nomination_id, others).append(entry)
    rows = [(nomination.title, groups[nomination.pk]) for nomination in nominations if groups[nomination.pk]]
    return rows + ([(competition.title, others)] if others else [])
