"""iCalendar (RFC 5545) export of events, built with the ``icalendar`` library.

Events in the programme's plan often have a period rather than a date («ежегодно, апрель и октябрь»).
Such an event becomes an all-day event spanning its first month, repeated every year in its months
until its last year; an event with only a year range spans that range. The period in words is kept in
the description so nothing is lost.
"""

import calendar
import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from portal.addresses import public_url


def _month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def event_to_vevent(event, request):
    vevent = Event()
    vevent.add("uid", f"event-{event.translation_key}-{event.locale_id}@uchis-rabotay.khv")
    vevent.add("summary", event.title)
    vevent.add("dtstamp", event.last_published_at or timezone.now())
    description = "\n".join(filter(None, [event.period_text, event.summary, *event.responsible_list]))
    if description:
        vevent.add("description", description)
    vevent.add("url", public_url(event, request))
    if event.venue:
        vevent.add("location", event.venue)
    elif event.online_url:
        vevent.add("location", event.online_url)

    start = event.start_date
    if event.start_time:
        tz = timezone.get_current_timezone()
        vevent.add("dtstart", datetime.datetime.combine(start, event.start_time, tzinfo=tz))
        end_day = event.end_date or start
        vevent.add("dtend", datetime.datetime.combine(end_day, event.end_time or event.start_time, tzinfo=tz))
    elif event.month_numbers:
        # A month-long occurrence, repeated yearly in the listed months.
        vevent.add("dtstart", start)
        vevent.add("dtend", _month_end(start) + datetime.timedelta(days=1))
        rule = {"freq": "yearly", "bymonth": event.month_numbers, "bymonthday": start.day}
        if event.until_year:
            rule["until"] = datetime.date(event.until_year, 12, 31)
        vevent.add("rrule", vRecur(rule))
    else:
        vevent.add("dtstart", start)
        vevent.add("dtend", (event.end_date or start) + datetime.timedelta(days=1))
    return vevent


def build_calendar(name, events, request):
    cal = Calendar()
    cal.add("prodid", "-//Учись и работай в Хабаровском крае//uchis-rabotay//RU")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    for event in events:
        if event.start_date:  # an event without any date cannot be placed in a calendar
            cal.add_component(event_to_vevent(event, request))
    return cal


def calendar_response(request, name, events, filename):
    response = HttpResponse(
        build_calendar(name, events, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
