"""Indicator 10 counted by the portal: competitions whose results were published, by the year of their results, for
the whole krai; a count with no denominator, shown on the monitoring's indicator page beside the reported figure."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from competitions.models import CompetitionPage
from monitoring.models import Indicator, MonitoringIndexPage, Observation

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator_10(db):
    return Indicator.objects.create(number=10, name="Количество конкурсных мероприятий", unit=Indicator.COUNT)


def held(make_competition, slug, results_on, *, published=True, **fields):
    today = timezone.localdate()
    page = make_competition(
        slug,
        opens_in=(results_on - today).days - 60,
        closes_in=(results_on - today).days - 30,
        results_in=(results_on - today).days,
        **fields,
    )
    if published:
        CompetitionPage.objects.filter(pk=page.pk).update(results_published_at=timezone.now())
    return page


def test_competitions_held_per_year_are_published_as_a_krai_count(client, make_competition, indicator_10, site_tree):
    held(make_competition, "a", datetime.date(2023, 4, 10))
    held(make_competition, "b", datetime.date(2023, 12, 20))
    held(make_competition, "c", datetime.date(2024, 4, 10))
    held(make_competition, "demo", datetime.date(2026, 5, 10), is_demonstration=True)  # never counted
    held(make_competition, "not-yet", datetime.date(2026, 5, 10), published=False)  # no results published
    Observation.objects.create(indicator=indicator_10, year=2023, numerator=4)  # the municipalities' figure
    call_command("publish_competitions", stdout=io.StringIO())
    counted = Observation.objects.from_portal().filter(is_current=True).order_by("year")
    assert [(o.year, o.district_id, o.grade_band, o.numerator, o.denominator) for o in counted] == [
        (2023, None, "", 2, None),
        (2024, None, "", 1, None),
    ]
    assert [o.value for o in counted] == [2, 1]
    assert Observation.objects.reported().get().is_current  # beside the reported one, not instead of it

    home, _english = site_tree
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = re.sub(r">\s+<", "><", client.get("/monitoring/pokazatel/10/").content.decode())
    assert "Проведено конкурсов" in page
    table = page[page.index("Проведено конкурсов") :]
    assert "<td>2</td><td>4</td>" in table  # counted by the portal, reported by the municipalities


def test_publishing_again_writes_nothing_new(make_competition, indicator_10):
    held(make_competition, "a", datetime.date(2025, 4, 10))
    call_command("publish_competitions", stdout=io.StringIO())
    call_command("publish_competitions", stdout=io.StringIO())
    assert Observation.objects.from_portal().count() == 1
