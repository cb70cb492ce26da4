"""The site search page. Identical whichever backend runs: the backend is chosen in settings only."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from portal.querytext import plain_query

from .models import UnansweredQuery


def search(request):
    query = plain_query(request.GET.get("q", ""))
    results = None
    picks = []
    if query:
        locale = Locale.objects.filter(language_code=translation.get_language()).first() or Locale.get_default()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = Paginator(pages.search(query), 20).get_page(request.GET.get("page"))
        logged = Query.get(query)
        # Editors' picks (Wagtail search promotions) come first; only live pages or external links.
        picks = [
            pick
            for pick in logged.editors_picks.select_related("page").order_by("sort_order")
            if pick.page_id is None or pick.page.live
        ]
        if request.GET.get("page", "1") in ("", "1"):  # a query counts once, not once per page of results
            logged.add_hit()
            if not results.paginator.count and not picks:
                UnansweredQuery.record(logged)
    return render(request, "search/search.html", {"search_query": query, "results": results, "picks": picks})
