"""The list of competitions and a competition's page: phases in order, the calendar's checks, constant queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from competitions.models import CompetitionPage
from portal.tests.helpers import assert_few_constant_queries

pytestmark = pytest.mark.django_db


def test_the_list_shows_current_competitions_by_phase_and_past_years_below(client, make_competition):
    make_competition("judging", opens_in=-40, closes_in=-5)
    make_competition("soon", opens_in=20, closes_in=40, results_in=60)
    make_competition("open")
    past = make_competition("past", opens_in=-500, closes_in=-450, results_in=-420)
    CompetitionPage.objects.filter(pk=past.pk).update(results_published_at=timezone.now() - datetime.timedelta(400))
    html = client.get("/konkursy/").content.decode()
    positions = [html.index(f"Конкурс {slug}") for slug in ("open", "soon", "judging", "past")]
    assert positions == sorted(positions)
    assert "Competitions of past years" in html


def test_the_calendar_must_be_in_order(make_competition):
    page = make_competition("order")
    page.entries_close_on = page.entries_open_on - datetime.timedelta(days=1)
    page.results_on = page.entries_close_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"entries_close_on", "results_on"} <= set(error.value.message_dict)


def test_the_list_costs_the_same_queries_however_many_competitions(client, make_competition):
    make_competition("first")
    counter = iter(range(100))
    urls = ["/konkursy/", "/konkursy/first/"]
    counts = assert_few_constant_queries(
        client, urls, lambda: [make_competition(f"more-{next(counter)}") for _ in range(3)]
    )
    print("queries", counts)
