"""The site search page. Identical whichever backend answers (see ``site_search`` and ``engine``)."""

from itertools import chain, islice

from django import forms
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from atlas.models import AtlasIndexPage, MunicipalDistrict, Sector
from portal import locales, lookups
from portal.disabilities import DISABILITY_CATEGORIES
from portal.facets import FACETS
from portal.filter_forms import QueryFilterForm
from portal.models import Audience
from portal.querytext import plain_query

from . import entities, facet_menu, intents, query_log, site_search, suggestions
from .analysis import STOP_WORDS, words
from .highlight import excerpt, query_stems

FACET_TITLES = {
    "kind": _("Kind"),
    "sector": _("Sector"),
    "audience": _("Audience"),
    "district": _("District"),
    "category": _("Health condition"),
    "year": _("Year"),
}


class SearchFilterForm(QueryFilterForm):
    kind = forms.ChoiceField(label=FACET_TITLES["kind"], choices=list(site_search.KINDS.items()), required=False)
    sector = forms.ChoiceField(label=FACET_TITLES["sector"], required=False)
    audience = forms.ChoiceField(label=FACET_TITLES["audience"], required=False)
    district = forms.ChoiceField(label=FACET_TITLES["district"], required=False)
    category = forms.ChoiceField(label=FACET_TITLES["category"], choices=DISABILITY_CATEGORIES, required=False)
    year = forms.IntegerField(label=FACET_TITLES["year"], min_value=2000, max_value=2100, required=False)

    def __init__(self, data, labels):
        super().__init__(data)
        for name in ("sector", "audience", "district"):
            self.fields[name].choices = list(labels[name].items())


def facet_labels(locale):
    def build():  # the reference lists, named in the visitor's language: once per content version
        default_locale = locales.default_locale()
        return {
            "sector": {s.slug: s.name for s in Sector.objects.filter(locale=locale)},
            "district": {d.slug: d.name for d in MunicipalDistrict.objects.filter(locale=locale)},
            "audience": {a.slug: a.name for a in locales.localized(Audience.objects.filter(locale=default_locale))},
        }

    references = lookups.lookup("search-facet-labels", locale.pk, translation.get_language(), build=build)
    categories = {code: str(label) for code, label in DISABILITY_CATEGORIES}  # gettext: in the visitor's language
    return {"kind": dict(site_search.KINDS), "category": categories, **references}


def hits(request, objects, stems, locale):
    """What each result shows: its kind, title, address, an excerpt with the query's words marked, its section."""
    sections = lookups.lookup(  # the top-level sections (depth 3), by path: few, and the same for every query
        "search-sections", build=lambda: dict(Page.objects.filter(depth=3).values_list("path", "title"))
    )
    atlas = lookups.lookup(
        "search-atlas", locale.pk, build=lambda: AtlasIndexPage.objects.live().filter(locale=locale).first()
    )
    found = []
    for obj in objects:
        kind = getattr(obj, "search_kind", "page")
        if isinstance(obj, Page):
            url, title, section = obj.get_url(request), obj.title, sections.get(obj.path[: Page.steplen * 3])
            text = getattr(obj, "summary", "") or obj.search_description
        else:
            # The atlas names its routes after the kinds: sector, employer, organisation, district.
            url = atlas.get_url(request) + atlas.reverse_subpage(kind, args=[obj.slug]) if atlas else None
            title, section = obj.name, atlas.title if atlas else None
            text = getattr(obj, "description", "") or getattr(obj, "short_name", "")
        found.append(
            {
                "kind": site_search.KINDS.get(kind, site_search.KINDS["page"]),
                "title": excerpt(title, stems),
                "url": url,
                "excerpt": excerpt(text, stems) if text else "",
                "section": section if section != title else None,
            }
        )
    return found


def did_you_mean(query, locale):
    """A spelling of ``query`` that does find something, and the first pages it finds; or (None, [])."""
    corrected = suggestions.correction(query, locale)
    if corrected:
        found = site_search.search(corrected, locale, {})
        if found.results.paginator.count:
            return corrected, list(found.results.object_list)[: site_search.NEARBY_SHOWN]
    return None, []


def atlas_filters(request, locale, labels):
    """Links into the atlas's filters, for a search that found nothing: the atlas, its professions of the future
    and each sector's professions. The sectors are the facet labels the page has already."""
    atlas = lookups.lookup(
        "search-atlas", locale.pk, build=lambda: AtlasIndexPage.objects.live().filter(locale=locale).first()
    )
    if atlas is None:
        return None
    url = atlas.get_url(request)
    return {
        "url": url,
        "title": atlas.title,
        "future_url": url + "?" + urlencode({"future": "on"}),
        "sectors": [
            {"name": name, "url": url + "?" + urlencode({"sector": slug})} for slug, name in labels["sector"].items()
        ],
    }


def locale_of(request):
    language = translation.get_language()
    return lookups.lookup(
        "locale", language, build=lambda: Locale.objects.filter(language_code=language).first() or Locale.get_default()
    )


@require_safe
def suggest(request):
    """Profession names for the search box's suggestions (JSON; the page works without them)."""
    query = plain_query(request.GET.get("q", ""))
    cards = suggestions.professions(query, locale_of(request)) if len(query) >= 2 else []
    return JsonResponse({"query": query, "suggestions": [{"title": c.title, "url": c.get_url(request)} for c in cards]})


def recognised(query, locale, selected, ignore):
    """The entities of ``query`` (``search.entities``), the facets the search applies for them, and the text it
    looks for. A sector or a place applies as its facet when the query holds more than its name («медицинские
    профессии», «работа в Амурске», «сварщик в Хабаровске»), unless the visitor dropped it (``ignore``) or chose that
    facet otherwise; a bare name («судостроения», «Хабаровск») is searched as words, which find its own record and
    every page that names it. A disability category names no record: it always applies («для незрячих»), and the
    query then holds more than a place's or a sector's name. The text is the query without the applied entities'
    words, or the query itself."""
    understanding = entities.understand(query, locale, ignore)
    named = understanding.facets()
    left = [word for word in words(understanding.remaining) if word not in STOP_WORDS]
    more_than_a_name = bool(left) or "category" in named
    applied = {kind: value for kind, value in named.items() if kind not in selected} if more_than_a_name else {}
    text = understanding.remaining if applied else query
    return understanding, applied, text


def link_with(params, **changes):
    """``params`` (a dict of lists) with ``changes`` (a value, a list, or None to drop), as «?…»."""
    changed = {**params, **changes}
    return "?" + urlencode({name: value for name, value in changed.items() if value is not None}, doseq=True)


@require_safe
def search(request):
    query = plain_query(request.GET.get("q", ""))
    locale = locale_of(request)
    labels = facet_labels(locale)
    form = SearchFilterForm(request.GET, labels)
    selected = {name: str(value) for name, value in form.valid_values().items()}
    context = {"search_query": query, "form": form, "results": None, "picks": []}
    if query:
        ignore = sorted({kind for kind in request.GET.getlist("no_entity") if kind in entities.KINDS})
        understanding, applied, text = recognised(query, locale, selected, ignore)
        found = site_search.search(
            text, locale, {**selected, **applied}, request.GET.get("page"), recognised=bool(applied)
        )
        if applied and not found.results.paginator.count and not found.records:
            # Nothing in that sector or place («телефон министерства образования»): the query's words as words.
            applied = {}
            found = site_search.search(query, locale, selected, request.GET.get("page"))
        picks = query_log.picks(query)  # editors' picks (Wagtail search promotions) come first
        nothing = not found.results.paginator.count and not found.records and not picks
        if request.GET.get("page", "1") in ("", "1") and not selected:  # counted once, not once per page
            query_log.record(query, found_nothing=nothing)
        nearby = found.nearby  # the pages with most of the words, when few or none have them all
        if nothing and not selected and found.understood:
            context["did_you_mean"], corrected = did_you_mean(query, locale)
            nearby = nearby or corrected  # else the pages the corrected spelling finds
        if nothing:
            context.update(
                atlas_filters=atlas_filters(request, locale, labels), popular_searches=query_log.popular(locale)
            )
        # The sections whose title holds a word of the query, above the results (on the first page of all kinds).
        first_page = request.GET.get("page", "1") in ("", "1")
        sections = site_search.hubs(found.understood, locale) if first_page and not selected.get("kind") else []
        # One call over the page of results and every atlas group: the section titles and the atlas are
        # looked up once, and the query's stems computed once.
        on_page = list(found.results.object_list)
        everything = [*on_page, *nearby, *chain.from_iterable(found.records.values()), *sections]
        shown = iter(hits(request, everything, query_stems(query), locale))
        params = {"q": [query], **{name: [value] for name, value in selected.items()}, "no_entity": ignore}
        understood_entities = [
            {
                "title": entities.KIND_TITLES[entity.kind],
                "label": entity.label,
                "drop_url": link_with(params, no_entity=sorted({*ignore, entity.kind})),
            }
            for entity in understanding.entities
            if entity.kind in applied or entity.kind not in entities.FACET_KINDS  # shown as chosen
        ]
        drop_urls = {kind: link_with(params, no_entity=sorted({*ignore, kind})) for kind in applied}
        facets = facet_menu.menu(
            QueryDict(link_with(params)[1:]),  # links keep the cleaned query and valid choices only
            FACETS,
            titles=FACET_TITLES,
            labels=labels,
            counts=found.counts,
            chosen={**selected, **applied},
        )
        for group in facets:  # a facet the query named is dropped by searching without its entity
            for item in group["items"]:
                if item["chosen"] and group["name"] in applied:
                    item["url"] = drop_urls[group["name"]]
        context.update(
            results=found.results,
            hits=list(islice(shown, len(on_page))),
            nearby=nearby,
            found_nearby=bool(found.nearby),
            nearby_hits=list(islice(shown, len(nearby))),
            understood=found.understood,
            understood_differs=found.understood != [w for w in words(query) if w not in STOP_WORDS],
            understood_entities=understood_entities,
            answers=intents.answers(request, query, understanding, locale),
            record_groups=[
                {
                    "title": site_search.KINDS[kind],
                    "hits": list(islice(shown, len(objects))),
                    "count": found.counts["kind"][kind],
                    "url": link_with(params, kind=[kind]),
                }
                for kind, objects in found.records.items()
            ],
            sections=list(islice(shown, len(sections))),
            facets=facets,
            picks=picks,
            page_query=link_with(params)[1:],
        )
    return render(request, "search/search.html", context)
