"""The seed command builds the programme's site from media_seed/ and can run twice."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.models import ContentPage, EventIndexPage, EventPage, HomePage, NewsPage
from portal.models import PortalImage

PROGRAMME = settings.BASE_DIR / "media_seed" / "programme"


@pytest.fixture
def seeded(seeded_site, db):
    """The site load_seed built (conftest.py: seeded_site), shared with the other tests on it."""


def test_seed_builds_the_programme_site(seeded):
    events = json.loads((PROGRAMME / "events.json").read_text(encoding="utf-8"))
    news = json.loads((PROGRAMME / "news.json").read_text(encoding="utf-8"))
    programme_events = EventIndexPage.objects.get(slug="events", locale__language_code="ru")
    assert EventPage.objects.live().child_of(programme_events).count() == len(events) >= 50
    assert NewsPage.objects.live().count() == len(news)
    programme = ContentPage.objects.get(slug="pasport-proekta", locale__language_code="ru")
    body = str(programme.body)
    assert body.count("<li>") >= 12  # the twelve tasks
    assert "8882" in body  # a figure from the general characteristics
    assert HomePage.objects.filter(locale__language_code="en").live().exists()
    assert programme.get_translations().get(locale__language_code="en").live


def test_seed_is_idempotent(seeded):
    counts = (Page.objects.count(), PortalImage.objects.count(), EventPage.objects.count())
    revisions = programme_revisions()
    call_command("load_seed", "--no-index", verbosity=0)
    assert (Page.objects.count(), PortalImage.objects.count(), EventPage.objects.count()) == counts
    assert programme_revisions() == revisions  # editors' work on seeded pages is left alone


def test_refresh_overwrites_seeded_pages_without_doubling(seeded):
    """Refreshing the programme's part alone: refreshing every app rewrote some six hundred pages and took minutes."""
    programme = ContentPage.objects.get(slug="pasport-proekta", locale__language_code="ru")
    programme.title = "Изменено редактором"
    programme.save_revision().publish()
    pages = Page.objects.count()
    output = io.StringIO()
    call_command("load_seed", "--no-index", "--refresh", "--app", "home", stdout=output)
    programme.refresh_from_db()
    assert programme.title.startswith("Паспорт проекта")
    assert Page.objects.count() == pages
    assert "home: 0 created" in output.getvalue() and "atlas:" not in output.getvalue()


def test_seeding_an_unknown_app_names_the_ones_that_have_a_seed(seeded):
    with pytest.raises(CommandError, match="No seed in nosuchapp; apps with one: home, atlas, "):
        call_command("load_seed", "--no-index", "--app", "home", "--app", "nosuchapp")


def test_recurring_event_keeps_its_months_and_period(seeded):
    yearly = EventPage.objects.exclude(months="").first()
    assert yearly is not None and yearly.start_date and yearly.dates_approximate
    assert yearly.start_date.month == yearly.month_numbers[0]
    assert yearly.period_text


def test_language_switch_leads_to_the_english_page(client, seeded):
    html = client.get("/o-proekte/pasport-proekta/").content.decode()
    assert 'href="/en/about/project-passport/" lang="en"' in html
    english = client.get("/en/about/project-passport/")
    assert english.status_code == 200
    text = english.content.decode()
    assert '<html lang="en">' in text and "Project passport" in text and "Goal" in text
    # and back: the English page offers the Russian one
    assert 'href="/o-proekte/pasport-proekta/" lang="ru"' in text


def test_untranslated_page_switches_to_the_other_home(client, seeded):
    html = client.get("/events/").content.decode()
    assert 'href="/en/" lang="en"' in html


def programme_revisions():
    return ContentPage.objects.get(slug="pasport-proekta", locale__language_code="ru").revisions.count()
