"""Audiences as translatable snippets: the English events name them in English and mark the ones without a
translation; the filter and the collections find the pages by audience in either language; editors edit them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from home.factories import EventIndexPageFactory, EventPageFactory
from home.models import CollectionPage
from portal.audiences import AUDIENCES, ensure_audience_translations
from portal.models import Audience

pytestmark = pytest.mark.django_db


def test_the_migration_left_the_audiences_in_the_default_locale_in_their_order():
    audiences = Audience.objects.filter(locale__language_code="ru")
    assert [(a.slug, a.name) for a in audiences] == [(slug, ru) for slug, ru, _en in AUDIENCES]
    assert [a.slug for a in audiences.order_by("pk")] == [slug for slug, _ru, _en in AUDIENCES]


@pytest.fixture
def english_events(site_tree):
    """The events in English: one for students and teachers, whose English name was deleted, one for parents."""
    home, _home_en = site_tree
    en = Locale.objects.get(language_code="en")
    originals = Audience.objects.filter(locale__language_code="ru")
    assert ensure_audience_translations(originals, en) == len(AUDIENCES)
    originals.get(slug="teachers").get_translation(en).delete()
    events = EventIndexPageFactory(parent=home)
    lesson = EventPageFactory(parent=events, title="Урок")
    lesson.audiences.set(originals.filter(slug__in=["students", "teachers"]))
    lesson.save_revision().publish()
    meeting = EventPageFactory(parent=events, title="Собрание")
    meeting.audiences.set(originals.filter(slug="parents"))
    meeting.save_revision().publish()
    events_en = events.copy_for_translation(en, copy_parents=True)
    events_en.save_revision().publish()
    pages = []
    for page, title in ((lesson, "Lesson"), (meeting, "Meeting")):
        english = page.copy_for_translation(en)
        english.title = title
        english.save_revision().publish()
        pages.append(english)
    return events_en, pages


def test_an_english_event_names_its_audiences_in_english_and_marks_the_fallback(client, english_events):
    _index, (lesson, _meeting) = english_events
    html = client.get(lesson.url).content.decode()
    assert '<dd>Students, <span lang="ru">Педагогам</span></dd>' in html
    assert "Школьникам" not in html


def test_the_english_events_filter_by_an_audience_named_in_english(client, english_events):
    index, _pages = english_events
    html = client.get(index.url, {"audience": "parents"}).content.decode()
    assert '<option value="parents" selected>Parents</option>' in html
    assert '<option value="teachers" lang="ru">Педагогам</option>' in html
    assert "Meeting" in html and "Lesson" not in html
    assert "For: Parents" in html


def test_a_translated_collection_finds_the_pages_of_its_audience(english_events):
    index, _pages = english_events
    en = index.locale
    parents = Audience.objects.get(locale=en, slug="parents")  # the translation, as wagtail-localize links it
    collection = CollectionPage(title="For parents", slug="for-parents", audience=parents, locale=en)
    index.get_parent().add_child(instance=collection)
    assert [page.title for page in collection.matching_pages()] == ["Meeting"]


def test_the_admin_lists_the_audiences_and_saves_an_edit(admin_client):
    students = Audience.objects.get(locale__language_code="ru", slug="students")
    listing = admin_client.get(reverse("wagtailsnippets_portal_audience:list"))
    assert listing.status_code == 200 and "Школьникам и студентам" in listing.content.decode()
    edit = reverse("wagtailsnippets_portal_audience:edit", args=[students.pk])
    response = admin_client.post(edit, {"name": "Учащимся", "sort_order": "1"})
    assert response.status_code == 302
    students.refresh_from_db()
    assert (students.name, students.slug) == ("Учащимся", "students")
