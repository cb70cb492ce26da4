"""The public catalogue of additional-education programmes through the site's faceting engine (``search.faceting``):
the same results and counts on either search backend, and the database when OpenSearch cannot be reached. Each
programme declares its facets in ``ExtracurricularProgramme.search_facets``: its district, every age bucket its ages
overlap, its direction and whether it is free."""

from django.db.models import prefetch_related_objects
from django.utils import translation

from atlas.models import MunicipalDistrict
from portal import locales, lookups, search_engine
from search.facet_menu import Label, by_slug
from search.faceting import faceted_search

from .models.programmes import AGE_BUCKETS, Cost, Direction, ExtracurricularProgramme

FACETS = ("district", "age", "direction", "cost")
PER_PAGE = 20


def search(query="", selected=None, *, page=1, backend=None):
    """Programmes matching ``query`` and every chosen facet value (``{"district": "…", "age": "8-10"}``), page
    ``page`` of them (the first or the last for a bad number), with the counts of each facet's values among all of
    them. On the default backend with the database as its fallback, or on ``backend`` alone ("opensearch" or
    "database")."""
    selected = {facet: str(value) for facet, value in (selected or {}).items() if value}
    queryset = ExtracurricularProgramme.objects.order_by("title_ru", "id")
    found = faceted_search(
        queryset, query, selected, page=page or 1, per_page=PER_PAGE, backend=search_engine.alias_for(backend)
    )
    with_parts(found.results.object_list)
    found.counts = {facet: found.counts.get(facet, {}) for facet in FACETS}
    return found


def with_parts(programmes):
    """What the catalogue shows of each: its district, in one query for any number, in the visitor's language."""
    prefetch_related_objects(programmes, "district")
    shown = locales.localized([programme.district for programme in programmes])
    for programme, district in zip(programmes, shown, strict=True):
        programme.shown_district = district
    return programmes


def labels():
    """Facet value → ``Label`` in the visitor's language, looked up once per content version and language."""
    return lookups.lookup("extracurricular-facet-labels", translation.get_language(), build=build_labels)


def build_labels():
    default = locales.default_language()
    return {
        "district": by_slug(list(MunicipalDistrict.objects.filter(locale__language_code=default)), "name"),
        # In the order of the ages, not of the labels: the menu keeps the order it is given.
        "age": {value: Label(str(label)) for value, label, _first, _last in AGE_BUCKETS},
        "direction": {value: Label(str(label)) for value, label in Direction.choices},
        "cost": {value: Label(str(label)) for value, label in Cost.choices},
    }
