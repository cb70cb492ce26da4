"""Editors' picks come first; queries are counted and those that found nothing are reported, with nothing
personal kept."""

from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.backends import get_search_backend

from home.factories import ContentPageFactory
from search.models import UnansweredQuery


def test_editors_pick_comes_before_the_results(client, site_tree):
    home, _ = site_tree
    admission = ContentPageFactory(parent=home, title="Приёмная кампания в колледжи", summary="Сроки и документы.")
    ContentPageFactory(parent=home, title="Колледж и вуз: что выбрать", summary="Про колледж.")
    get_search_backend().refresh_indexes()
    SearchPromotion.objects.create(query=Query.get("колледж"), page=admission, description="Всё о поступлении")
    html = client.get("/search/", {"q": "Колледж"}).content.decode()
    assert "Рекомендуем" in html and "Всё о поступлении" in html
    # (the query's words in the result's title are marked: «<mark>Колледж</mark> и вуз»)
    assert html.index("Приёмная кампания в колледжи") < html.index("и вуз: что выбрать")


def test_queries_are_counted_once_and_unanswered_ones_reported(client, admin_client, site_tree):
    client.get("/search/", {"q": "нетсовпадений"})
    client.get("/search/", {"q": "  НЕТСОВПАДЕНИЙ "})
    client.get("/search/", {"q": "нетсовпадений", "page": "2"})  # another page of the same search: not counted
    assert Query.get("нетсовпадений").hits == 2
    unanswered = UnansweredQuery.objects.get()
    assert str(unanswered) == "нетсовпадений" and unanswered.hits == 2
    # Only the words and counts are stored: no user, address or session.
    assert {f.name for f in UnansweredQuery._meta.get_fields()} == {"query", "hits", "last_asked", "missing"}
    html = admin_client.get(reverse("unanswered_queries_report")).content.decode()
    assert "Запросы без результатов" in html and "нетсовпадений" in html
