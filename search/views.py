"""The site search page. Identical whichever backend runs: the backend is chosen in settings only."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale, Page

from portal.querytext import plain_query


def search(request):
    query = plain_query(request.GET.get("q", ""))
    results = None
    if query:
        locale = Locale.objects.filter(language_code=translation.get_language()).first() or Locale.get_default()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = Paginator(pages.search(query), 20).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "results": results})
