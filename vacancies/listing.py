"""The public list of vacancies through the site's faceting engine (``search.faceting``): the same results and counts
on either search backend, and the database when OpenSearch cannot be reached. Each vacancy declares its facets in
``Vacancy.search_facets``; «open today» is one stored date (``listed_until``) both backends filter on."""

from django.db.models import prefetch_related_objects
from django.utils import translation
from wagtail.models import Page

from portal import lookups, search_engine
from search.facet_menu import Label, reference_labels
from search.faceting import faceted_search

from .models.vacancies import SALARY_BANDS, Kind, Vacancy

FACETS = ("type", "district", "profession", "sector", "salary", "access")
PER_PAGE = 20


def search(query="", selected=None, *, page=1, backend=None):
    """Open vacancies matching ``query`` and every chosen facet value, page ``page`` of them, with the counts of each
    facet's values among all of them. On the default backend with the database as its fallback, or on ``backend``
    alone ("opensearch" or "database")."""
    selected = {facet: str(value) for facet, value in (selected or {}).items() if value}
    # Those closing soonest first: a stored column, on either backend.
    queryset = Vacancy.objects.listed().order_by("listed_until", "title", "id")
    found = faceted_search(
        queryset, query, selected, page=page or 1, per_page=PER_PAGE, backend=search_engine.alias_for(backend)
    )
    with_parts(found.results.object_list)
    found.counts = {facet: found.counts.get(facet, {}) for facet in FACETS}
    return found


def with_parts(vacancies):
    """What a list shows of each: its district and profession card, in two queries for any number."""
    prefetch_related_objects(vacancies, "district", "profession")
    return vacancies


def labels():
    """Facet value → ``Label`` in the visitor's language, looked up once per content version and language."""
    return lookups.lookup("vacancy-facet-labels", translation.get_language(), build=build_labels)


def build_labels():
    return {
        "type": {value: Label(str(label)) for value, label in Kind.choices},
        "salary": {value: Label(str(label)) for value, label, _first, _last in SALARY_BANDS},
        **reference_labels(),
    }


def index_page_for(language):
    """The live list page of ``language`` (or of the default language), looked up once per content version."""

    def build():
        model = Vacancy._meta.apps.get_model("vacancies", "VacancyIndexPage")
        pages = Page.objects.live().type(model)
        page = pages.filter(locale__language_code=language).first() or pages.first()
        return (page.specific if page else None,)  # in a tuple: «there is none» is kept too

    return lookups.lookup("vacancy-index-page", language, build=build)[0]
