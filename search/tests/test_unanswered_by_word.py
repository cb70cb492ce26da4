"""The «unanswered» report grouped by what was missing: the queries that found nothing, under each meaningful word
that found nothing on its own, with their count, the queries, when last asked, and links to promote a page or add a
synonym for the word."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.backends import get_search_backend

from home.factories import ContentPageFactory
from portal.tests.helpers import assert_few_constant_queries
from search import missing
from search.models import UnansweredQuery
from search.query_log import write_counts

TODAY = timezone.localdate()


def unanswered(text, hits, missing_words="", days_ago=0):
    row = UnansweredQuery.objects.create(query=Query.get(text), hits=hits, missing=missing_words)
    UnansweredQuery.objects.filter(pk=row.pk).update(last_asked=TODAY - datetime.timedelta(days=days_ago))
    return row


def known_log():
    unanswered("зарплата сантехника", 3, "сантехника", days_ago=2)
    unanswered("сантехник вакансии", 2, "сантехник", days_ago=0)
    unanswered("курсы сомелье", 4, "сомелье", days_ago=5)
    unanswered("сварной", 1, "")  # not known what it missed: its meaningful words count


def test_queries_are_grouped_by_the_stem_of_the_missing_word(db):
    known_log()
    found = {group.word: group for group in missing.groups()}
    assert list(found) == ["сантехник", "сомелье", "сварной"]  # most asked first
    plumber = found["сантехник"]
    assert plumber.count == 5 and plumber.last_seen == TODAY
    assert plumber.queries == [("зарплата сантехника", 3), ("сантехник вакансии", 2)]
    assert found["сомелье"].count == 4 and found["сомелье"].last_seen == TODAY - datetime.timedelta(days=5)
    assert found["сварной"].queries == [("сварной", 1)]


def test_the_log_writes_what_a_new_unanswered_query_was_missing(site_tree):
    home, _ = site_tree
    ContentPageFactory(parent=home, title="Зарплата и вакансии в крае", summary="Сколько платят.")
    get_search_backend().refresh_indexes()
    date = TODAY.isoformat()
    write_counts.call([[date, "зарплата сантехника", True, 2], [date, "сантехник вакансии", True, 1]])
    write_counts.call([[date, "зарплата сантехника", True, 1]])  # already listed: counted, not looked at again
    rows = dict(UnansweredQuery.objects.values_list("query__query_string", "missing"))
    assert rows == {"зарплата сантехника": "сантехника", "сантехник вакансии": "сантехник"}
    (group,) = missing.groups()
    assert (group.word, group.count) == ("сантехник", 4)


def test_the_report_shows_the_groups_with_links_and_exports_them(admin_client):
    known_log()
    url = reverse("unanswered_by_word_report")
    html = admin_client.get(url).content.decode()
    assert html.index("сантехник") < html.index("сомелье") < html.index("сварной")
    assert "зарплата сантехника; сантехник вакансии" in html
    assert reverse("wagtailsearchpromotions:add") in html
    synonym_add = reverse("wagtailsnippets_portal_search_synonymgroup:add")
    assert f"{synonym_add}?terms=%D1%81%D0%B0%D0%BD%D1%82%D0%B5%D1%85%D0%BD%D0%B8%D0%BA" in html
    # The synonym form opens with the word written in.
    form = admin_client.get(synonym_add, {"terms": "сантехник"})
    assert form.context["form"].initial["terms"] == "сантехник"

    response = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[:2] for row in rows[1:]] == [["сантехник", "5"], ["сомелье", "4"], ["сварной", "1"]]


def test_the_report_is_for_the_admin_and_lists_its_links_by_permission(client, django_user_model, db):
    from django.contrib.auth.models import Permission

    known_log()
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    html = client.get(reverse("unanswered_by_word_report")).content.decode()
    assert "сантехник" in html and reverse("wagtailsearchpromotions:add") not in html


def test_the_report_costs_the_same_queries_however_many_rows(admin_client):
    known_log()

    def grow():
        for number in range(6):
            unanswered(f"слово{number} сантехник", number + 1, f"слово{number} сантехник")

    url = reverse("unanswered_by_word_report")
    counts = assert_few_constant_queries(admin_client, [url], grow, most={url: 40})
    print("queries", counts)
