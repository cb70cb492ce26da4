"""The events calendar is valid iCalendar, read back with the icalendar library."""

import datetime

import pytest
from icalendar import Calendar

from home.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def events(site_tree):
    home, _ = site_tree
    index = EventIndexPageFactory(parent=home)
    fair = EventPageFactory(
        parent=index,
        title="Ярмарка профессий",
        start_date=datetime.date(2024, 4, 10),
        end_date=datetime.date(2024, 4, 11),
        period_text="",
        venue="Хабаровск, Дворец спорта",
    )
    diagnostics = EventPageFactory(
        parent=index,
        title="Профориентационная диагностика",
        start_date=datetime.date(2021, 4, 1),
        months="4,10",
        until_year=2024,
        period_text="ежегодно, апрель и октябрь",
        dates_approximate=True,
    )
    ongoing = EventPageFactory(
        parent=index, title="Постоянное консультирование", start_date=None, period_text="постоянно"
    )
    return index, fair, diagnostics, ongoing


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_feed_parses_and_places_each_dated_event(client, events):
    index, fair, diagnostics, ongoing = events
    calendar = parse(client.get(index.url + "ical/"))
    vevents = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(vevents) == {fair.title, diagnostics.title}
    assert ongoing.title not in vevents  # an event without dates cannot be placed in a calendar
    fair_event = vevents[fair.title]
    assert fair_event.decoded("dtstart") == datetime.date(2024, 4, 10)
    assert fair_event.decoded("dtend") == datetime.date(2024, 4, 12)  # DTEND of all-day events is exclusive
    assert str(fair_event["location"]) == "Хабаровск, Дворец спорта"
    rule = vevents[diagnostics.title]["rrule"]
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [4, 10]
    assert rule["UNTIL"][0] == datetime.date(2024, 12, 31)
    assert "ежегодно, апрель и октябрь" in str(vevents[diagnostics.title]["description"])
    assert str(vevents[fair.title]["url"]).endswith(fair.url)


def test_single_event_has_its_own_file(client, events):
    _, fair, _, _ = events
    response = client.get(fair.url + "ical/")
    calendar = parse(response)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [fair.title]
    assert f'filename="{fair.slug}.ics"' in response["Content-Disposition"]


def test_event_page_shows_the_period_in_words_when_dates_are_approximate(client, events):
    _, _, diagnostics, _ = events
    html = client.get(diagnostics.url).content.decode()
    assert "ежегодно, апрель и октябрь" in html
    assert "1 апреля 2021" not in html
