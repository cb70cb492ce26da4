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


def test_a_promoted_phrase_within_a_longer_query_brings_its_pick(client, site_tree):
    home, _ = site_tree
    builder = ContentPageFactory(parent=home, title="Конструктор карьеры", summary="Анкета об интересах.")
    handbook = ContentPageFactory(parent=home, title="Справочник поступающего", summary="Колледжи и вузы.")
    SearchPromotion.objects.create(query=Query.get("тест на профориентацию"), page=builder, description="Анкета")
    SearchPromotion.objects.create(query=Query.get("колледж"), page=handbook, description="Справочник")

    def picked(query):
        return [pick.page.title for pick in client.get("/search/", {"q": query}).context["picks"]]

    # Both words of the phrase, in another order and form, among others: the pick comes first
    assert picked("профориентации тест для 9 класса") == [builder.title]
    assert picked("тест на профориентацию") == [builder.title]
    # Only one of its words: not enough
    assert picked("тест для 9 класса") == []
    # A one-word pick is for that word alone, not for every query that holds it
    assert picked("колледж") == [handbook.title]
    assert picked("колледж в Ванино") == []


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
