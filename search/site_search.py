"""The site search: pages and the atlas records that have pages of their own under the atlas, with facet counts, on any
backend, through the faceting engine (``search.faceting``): one scope per kind of object, all counted together."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import pgettext_lazy

from atlas.models import EducationalOrganization, Employer, MunicipalDistrict, Sector
from portal import lookups
from portal.pages import public_pages

from . import faceting
from .analysis import stems
from .highlight import query_stems
from .synonyms import expand
from .understanding import meaningful_words, most_words

KINDS = {
    "profession": pgettext_lazy("search kind", "Professions"),
    "organisation": pgettext_lazy("search kind", "Colleges and universities"),
    "employer": pgettext_lazy("search kind", "Employers"),
    "sector": pgettext_lazy("search kind", "Sectors"),
    "district": pgettext_lazy("search kind", "Districts"),
    "lesson": pgettext_lazy("search kind", "Lessons and kits"),
    "report": pgettext_lazy("search kind", "Monitoring reports"),
    "event": pgettext_lazy("search kind", "Events"),
    "news": pgettext_lazy("search kind", "News"),
    "page": pgettext_lazy("search kind", "Pages"),
}
RECORD_KINDS = {
    "organisation": EducationalOrganization,
    "employer": Employer,
    "sector": Sector,
    "district": MunicipalDistrict,
}
PER_PAGE = 20
RECORDS_SHOWN = 3  # per kind of atlas record, above the pages
FEW = 3  # results with every meaningful word: below this many, those with most of them follow
NEARBY_SHOWN = 5
HUBS_SHOWN = 2  # sections whose title holds a word of the query, shown above the results


@dataclass
class Found:
    results: object  # a page of Django's paginator
    counts: dict = field(default_factory=dict)  # facet -> {value: count}
    records: dict = field(default_factory=dict)  # atlas kind -> its first matches, when no kind is chosen
    understood: list = field(default_factory=list)  # the meaningful words that were searched for
    nearby: list = field(default_factory=list)  # pages with most of the meaningful words, not among the results


def querysets(locale):
    return {
        # A result shows a title, a summary and an address: the pages' StreamFields are neither read nor parsed
        "page": public_pages().filter(locale=locale).defer_streamfields().specific(),
        **{kind: model.objects.filter(locale=locale) for kind, model in RECORD_KINDS.items()},
    }


def search(text, locale, selected, page_number=1, backend=None, recognised=False):
    """The results for ``text`` in ``locale`` with the chosen facet values (``{"kind": "news", …}``), from
    the default backend with the database as its fallback, or from the named ``backend`` alone.

    ``recognised``: the query named a sector or a place (``search.entities``), now among ``selected`` and left out
    of ``text``. Its filler words are then not looked for, and with no word left, the facets alone choose."""
    understood = meaningful_words(text, keep_filler=not recognised)
    if not understood and not (recognised and selected):  # only function words («и для на»): nothing to look for
        return Found(faceting.page_of(EmptyScope(), 1, PER_PAGE), {"kind": {}}, understood=understood)
    query = expand(" ".join(understood)) if understood else ""
    kind = selected.get("kind")
    other_tags = faceting.tags({name: value for name, value in selected.items() if name != "kind"})

    def on(backend):
        scope_class = faceting.scope_class(backend)
        scopes = querysets(locale)
        # The atlas records are short lists, shown whole (best_records): on OpenSearch they come with the counts
        counted = {
            name: scope_class(backend, queryset, query, other_tags, whole=name in RECORD_KINDS)
            for name, queryset in scopes.items()
        }
        if kind in RECORD_KINDS:
            scope = counted[kind]
        elif kind:
            scope = scope_class(backend, scopes["page"], query, [*other_tags, f"kind:{kind}"])
        else:
            scope = counted["page"]  # the same search as the one counted for the kinds
        faceting.count_together([*counted.values(), scope])  # one round trip for every count on the page
        kind_counts = {}  # over every kind of object, with the other facets applied
        for name, one in counted.items():
            total, tags = one.counts()
            if name == "page":
                kind_counts.update(faceting.by_facet(tags).get("kind", {}))
            elif total:
                kind_counts[name] = total
        results = faceting.page_of(scope, page_number, PER_PAGE)
        records = {}
        if not kind:  # the atlas records are shown in groups above the pages
            records = {name: best_records(counted[name], text) for name in RECORD_KINDS if kind_counts.get(name)}
        facet_counts = {"kind": kind_counts}
        facet_counts.update((name, n) for name, n in faceting.by_facet(scope.counts()[1]).items() if name != "kind")
        nearby = []
        if results.paginator.count < FEW and kind not in RECORD_KINDS:
            nearby = nearest(
                backend,
                scope_class,
                scopes["page"],
                text,
                [*other_tags, *([f"kind:{kind}"] if kind else [])],
                keep_filler=not recognised,
            )
            shown = {page.pk for page in results.object_list}
            nearby = [page for page in nearby if page.pk not in shown][:NEARBY_SHOWN]
        return Found(results, facet_counts, records, understood, nearby)

    return faceting.run(on, backend)


def nearest(backend, scope_class, pages, text, tags, keep_filler=True):
    """The pages that hold most of the meaningful words of ``text`` (``understanding.most_words``), best first:
    shown after the results that hold them all, when those are few. One fetch, whatever is found."""
    query = most_words(text, keep_filler)
    if query is None:
        return []
    return scope_class(backend, pages, query, tags).fetch(0, NEARBY_SHOWN + FEW)


class EmptyScope:
    """No results, for a query with nothing to look for."""

    def counts(self):
        return 0, {}

    def fetch(self, start, stop):
        return []


def best_records(scope, text, how_many=RECORDS_SHOWN):
    """The first ``how_many`` atlas records of a kind that match: those whose name holds more of the query's words
    first, then by name. A kind is a short reference list, so all its matches are read in one query and ranked
    here, the same way on every backend (the database backend's ranked slice would cost three queries a kind)."""
    wanted = query_stems(text)
    return sorted(scope.every_match(), key=lambda record: (-len(wanted & set(stems(record.name))), record.name))[
        :how_many
    ]


def hub_titles(locale):
    """[(stems of the title, depth, id)] of the live public pages of ``locale`` that are sections: the top-level
    pages under the home page («Профпробы, экскурсии, практики», whose offers are records, not pages) and the pages
    that have pages under them («Ярмарки вакансий»). Read once per content version."""

    def build():
        hubs = public_pages().filter(Q(depth=3) | Q(depth__gt=3, numchild__gt=0), locale=locale)
        return [(frozenset(stems(title)), depth, pk) for pk, title, depth in hubs.values_list("pk", "title", "depth")]

    return lookups.lookup("search-hubs", locale.pk, build=build)


def hubs(understood, locale, how_many=HUBS_SHOWN):
    """The sections whose title holds one of the meaningful words ``understood``: those holding more of them first,
    then the higher in the tree. A section's title names what it gathers, so «профпробы для школьников» is shown
    the section «Профпробы, экскурсии, практики» above the lessons that hold both words in their text — on every
    backend, as the backends' ranking has no notion of a section. One query when any is found, none otherwise."""
    wanted = {stem for word in understood for stem in stems(word)}
    if not wanted:
        return []
    found = sorted((-len(title & wanted), depth, pk) for title, depth, pk in hub_titles(locale) if title & wanted)
    ids = [pk for _overlap, _depth, pk in found[:how_many]]
    if not ids:
        return []
    pages = {page.pk: page for page in public_pages().filter(pk__in=ids)}
    return [pages[pk] for pk in ids if pk in pages]
