"""The events' seed reads as Russian is printed: «ёлочки», an en dash in ranges, no typo in a title, and every
heading a whole phrase (a plan item longer than a title has a heading of its own, not a cut ending in «…»)."""

import json
import re

from django.conf import settings

from home.seed import Seeder

EVENTS = json.loads((settings.BASE_DIR / "media_seed/programme/events.json").read_text(encoding="utf-8"))


def russian_texts(event):
    for key, value in event.items():
        if key.endswith("_ru"):
            yield from (value if isinstance(value, list) else [value])


def test_events_use_russian_quotes_and_en_dashes_in_ranges():
    texts = [text for event in EVENTS for text in russian_texts(event) if isinstance(text, str)]
    assert not [text for text in texts if '"' in text]
    assert not [text for text in texts if re.search(r"\d-\d", text)]
    assert any("2020–2024" in text for text in texts)
    assert not [text for text in texts if "Проориентацион" in text]


def test_no_event_heading_is_cut_with_an_ellipsis():
    titles = [Seeder.event_fields(event)["title"] for event in EVENTS]
    assert all(len(title) <= 250 and not title.endswith("…") for title in titles)
    long_one = next(event for event in EVENTS if len(event["title_ru"]) > 250)
    fields = Seeder.event_fields(long_one)
    assert fields["title"] == long_one["heading_ru"] and long_one["title_ru"][:40] in fields["body"]


def test_an_event_renamed_by_the_seed_keeps_its_old_address_as_a_redirect(client, site_tree):
    from home.models import EventIndexPage, EventPage

    home, _home_en = site_tree
    index = home.add_child(instance=EventIndexPage(title="Мероприятия", slug="events"))
    old = index.add_child(
        instance=EventPage(title="Проориентационные площадки", slug="proorientatsionnye", period_text="Ежегодно")
    )
    old.save_revision().publish()
    Seeder.rename(index, ["proorientatsionnye"], "proforientatsionnye")
    Seeder.rename(index, ["proorientatsionnye"], "proforientatsionnye")  # twice: nothing more happens
    assert list(EventPage.objects.child_of(index).values_list("slug", flat=True)) == ["proforientatsionnye"]
    response = client.get("/events/proorientatsionnye/")
    assert response.status_code == 301 and response["Location"].endswith("/events/proforientatsionnye/")
    assert client.get("/events/proforientatsionnye/").status_code == 200
