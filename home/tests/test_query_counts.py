"""The general pages cost at most MAX_PAGE_QUERIES SQL queries uncached, the same number however much content
there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from home.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
)
from home.models import CollectionPage, LinkPage
from portal.models import Audience
from portal.tests.helpers import MAX_PAGE_QUERIES, assert_few_constant_queries


@pytest.fixture
def general_pages(site_tree):
    home, _ = site_tree
    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    events = EventIndexPageFactory(parent=home, show_in_menus=True)
    section = SectionPageFactory(parent=home, show_in_menus=True)
    students = Audience.objects.get(slug="students")
    # Long enough a page that the growth shows on it (a listing costs a query per page type it shows).
    collection = CollectionPage(title="Для школьников", slug="dlya-shkolnikov", audience=students, per_page=100)
    section.add_child(instance=collection)
    collection.save_revision().publish()

    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index)
            event = EventPageFactory(parent=events)
            event.audiences.add(students)
            event.save()
            content = ContentPageFactory(parent=section)
            content.audiences.add(students)
            content.save()
            SectionPageFactory(parent=home, show_in_menus=True)
        get_search_backend().refresh_indexes()  # OpenSearch shows new documents after a refresh

    add(3)
    return {
        "home": home,
        "news_index": news_index,
        "events": events,
        "section": section,
        "collection": collection,
        "add": add,
    }


def test_general_pages_cost_few_queries_and_as_many_with_more_content(
    client, general_pages, django_capture_on_commit_callbacks
):
    pages = general_pages
    news_item = pages["news_index"].get_children().first()
    event = pages["events"].get_children().first()
    content = pages["section"].get_children().type(ContentPageFactory._meta.model).first()
    urls = [
        pages["home"].url,
        "/en/",
        pages["section"].url,
        content.url,
        pages["collection"].url,
        pages["news_index"].url,
        news_item.url,
        pages["events"].url,
        pages["events"].url + "?audience=students&year=2024",
        event.url,
        "/search/",
        "/search/?q=Документ",
        "/sitemap.xml",
    ]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):  # the content version moves, as on the site
            pages["add"](20)

    assert_few_constant_queries(client, urls, grow)


def test_a_link_page_redirects_with_few_queries(client, general_pages):
    target = general_pages["news_index"]
    link = LinkPage(title="Новости края", slug="novosti-kraya", link_page=target)
    general_pages["section"].add_child(instance=link)
    link.save_revision().publish()
    client.get(link.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(link.url)
    assert response.status_code == 302
    assert response["Location"] == target.url
    assert len(queries) <= MAX_PAGE_QUERIES
