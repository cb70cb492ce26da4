"""The public list of opportunities through the site's faceting engine (``search.faceting``): the same results and
counts on either search backend, and the database when OpenSearch cannot be reached. Each opportunity declares its
facets in ``Opportunity.search_facets``; «listed» (published, approved, a date ahead) is one stored date both
backends filter on; a date range narrows to the opportunities with a slot in it, asked of the database (the only
one that knows every slot) in one query."""

import calendar
import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone, translation
from wagtail.models import Page

from portal import locales, lookups, search_engine
from search.facet_menu import Label, reference_labels
from search.faceting import faceted_search

from .models.bookings import held_places
from .models.opportunities import Kind, Opportunity, OpportunitySlot

FACETS = ("activity", "district", "profession", "sector", "grade", "access")
PER_PAGE = 20


def period_dates(period, today=None):
    """(first day, last day) of «this week» or «this month», from today."""
    today = today or timezone.localdate()
    if period == "week":
        return today, today + datetime.timedelta(days=6 - today.weekday())
    if period == "month":
        return today, today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return None


def search(query="", selected=None, *, dates=None, page=1, backend=None):
    """Listed opportunities matching ``query`` and every chosen facet value (``{"district": "…", …}``), with a slot
    between ``dates`` (first, last) when given; page ``page`` of them with the counts of each facet's values among
    all of them. On the default backend with the database as its fallback, or on ``backend`` alone ("opensearch" or
    "database")."""
    selected = {facet: str(value) for facet, value in (selected or {}).items() if value}
    # By the last date (for the many with one date, by that date), on either backend: a stored column.
    queryset = Opportunity.objects.listed().order_by("listed_until", "title", "id")
    if dates:
        first, last = dates
        first = max(first or timezone.localdate(), timezone.localdate())
        slots = OpportunitySlot.objects.filter(date__gte=first, opportunity__in=queryset)
        if last:
            slots = slots.filter(date__lte=last)
        queryset = queryset.filter(id__in=sorted(set(slots.values_list("opportunity_id", flat=True))))
    found = faceted_search(
        queryset, query, selected, page=page or 1, per_page=PER_PAGE, backend=search_engine.alias_for(backend)
    )
    with_parts(found.results.object_list)
    found.counts = {facet: found.counts.get(facet, {}) for facet in FACETS}
    return found


def with_parts(opportunities):
    """What a list shows of each: its organisation, district and coming slots, in three queries for any number."""
    prefetch_related_objects(opportunities, "organisation", "district")
    return with_slots(opportunities)


def with_slots(opportunities):
    """Each one's slots from today on, as ``upcoming``, with the places their bookings hold: one query for any
    number."""
    today = timezone.localdate()
    upcoming = OpportunitySlot.objects.filter(date__gte=today).annotate(held=held_places("bookings__"))
    prefetch_related_objects(opportunities, Prefetch("slots", queryset=upcoming, to_attr="upcoming"))
    return opportunities


def labels():
    """Facet value → ``Label`` in the visitor's language, looked up once per content version and language."""
    return lookups.lookup("opportunity-facet-labels", translation.get_language(), build=build_labels)


def build_labels():
    return {
        "activity": {value: Label(str(label)) for value, label in Kind.choices},
        "grade": {str(g): Label(translation.gettext("grade %(grade)s") % {"grade": g}) for g in range(1, 12)},
        **reference_labels(),
    }


def professions_in_language(opportunity):
    """The atlas cards an opportunity links, in the visitor's language where translated (live ones only)."""
    originals = list(opportunity.professions.live().only("title", "url_path", "path", "depth", "translation_key"))
    return locales.localized(originals)


def index_page_for(language):
    """The live list page of ``language`` (or of the default language), looked up once per content version."""

    def build():
        pages = Page.objects.live().type(opportunity_index_model()).filter(locale__language_code__in=[language])
        page = pages.first() or Page.objects.live().type(opportunity_index_model()).first()
        # In a tuple: «there is none» is kept too (look-ups do not keep None), so a site without the list page does
        # not ask again on every card.
        return (page.specific if page else None,)

    return lookups.lookup("opportunity-index-page", language, build=build)[0]


def opportunity_index_model():
    return Opportunity._meta.apps.get_model("opportunities", "OpportunityIndexPage")
