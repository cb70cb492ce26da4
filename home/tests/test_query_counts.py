"""Listing pages cost the same number of SQL queries however much content there is."""

from wagtail.search.backends import get_search_backend

from home.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
)
from portal.models import Audience
from portal.tests.helpers import queries_for


def test_listing_pages_keep_a_constant_query_count(client, site_tree):
    home, _ = site_tree
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    section = SectionPageFactory(parent=home, show_in_menus=True)
    students = Audience.objects.get(slug="students")

    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index)
            event = EventPageFactory(parent=events)
            event.audiences.add(students)
            event.save()
            ContentPageFactory(parent=section)
            SectionPageFactory(parent=home, show_in_menus=True)
        get_search_backend().refresh_indexes()  # OpenSearch shows new documents after a refresh

    urls = [
        home.url,
        news_index.url,
        events.url,
        events.url + "?audience=students&year=2024",
        section.url,
        "/search/?q=Документ",
    ]
    add(3)
    before = {url: queries_for(client, url) for url in urls}
    add(12)
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
