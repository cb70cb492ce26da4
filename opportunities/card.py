"""The block «Профпробы, экскурсии и вакансии сейчас» of an atlas profession card (registered with the atlas's
``profession_card_sections`` hook) and its like on an employer's page (``employer_page_sections``): the listed
opportunities, with a fixed number of queries whatever their number. Other apps (vacancies) add their entries to the
same block through ``ENTRY_SOURCES`` and ``EMPLOYER_ENTRY_SOURCES``, and a link to their own list through
``MORE_LINKS``: one heading, one block."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from atlas.models import ProfessionPage
from portal import locales

from . import listing
from .models.opportunities import Opportunity

SHOWN = 5  # entries on the card; the rest are one link away, on the list filtered by the profession


@dataclass
class Entry:
    kind: str
    title: str
    url: str
    meta: str
    organisation: str


def opportunity_entries(page, index):
    """Entries of the card ``page``."""
    return entries_of(Opportunity.objects.filter(professions__translation_key=page.translation_key), index)


def opportunity_employer_entries(employer, index):
    """Entries of the atlas employer ``employer`` (opportunities of organisations matched to it)."""
    return entries_of(
        Opportunity.objects.filter(organisation__employer__translation_key=employer.translation_key), index
    )


def entries_of(opportunities, index):
    """The listed ones of ``opportunities``, soonest first: two queries (the opportunities with their organisations'
    names, and their coming slots)."""
    found = list(
        opportunities.listed()
        .select_related("organisation")
        .only("pk", "kind", "title", "grade_from", "grade_to", "online", "organisation__name")
    )
    listing.with_slots(found)
    base = index.url
    entries = []
    # Soonest first: by each one's next date (its coming slots are in order).
    for item in sorted((item for item in found if item.upcoming), key=lambda item: (item.upcoming[0].date, item.title)):
        first = item.upcoming[0]
        when = f"{first.date:%d.%m.%Y} {first.start:%H:%M}"
        meta = ", ".join(part for part in (when, item.grades_label) if part)
        url = base + index.reverse_subpage("opportunity", args=[item.pk])
        entries.append(Entry(item.get_kind_display(), item.title, url, meta, item.organisation.name))
    return entries


# Functions (card or employer, the opportunities' list page) → entries, in the block's order.
ENTRY_SOURCES = [opportunity_entries]
EMPLOYER_ENTRY_SOURCES = [opportunity_employer_entries]
# Functions (profession slug in the default language, or None) → (label, URL) of another list, or None.
MORE_LINKS = []


def gathered(sources, subject, index):
    """(up to SHOWN entries of each source, how many more there are)."""
    entries, more = [], 0
    for source in sources:
        found = source(subject, index)
        entries += found[:SHOWN]
        more += max(len(found) - SHOWN, 0)
    return entries, more


def more_links(profession_slug):
    return [link for source in MORE_LINKS if (link := source(profession_slug))]


def profession_block(request, page):
    """The block's HTML for the card ``page``; nothing while no list page of opportunities is published."""
    index = listing.index_page_for(translation.get_language())
    if index is None:
        return ""
    entries, more = gathered(ENTRY_SOURCES, page, index)
    default = locales.default_language()
    original_slug = (
        ProfessionPage.objects.filter(translation_key=page.translation_key, locale__language_code=default)
        .values_list("slug", flat=True)
        .first()
    )
    return render_to_string(
        "opportunities/includes/profession_block.html",
        {
            "entries": entries,
            "more": more,
            "index": index,
            "all_url": index.url + (f"?profession={original_slug}" if original_slug else ""),
            "more_links": more_links(original_slug),
            "heading": gettext("Trials, excursions and vacancies now"),
        },
        request=request,
    )


def employer_block(request, employer):
    """The like block on the page of an atlas employer: its organisation's listed opportunities and its open
    vacancies; nothing while no list page of opportunities is published."""
    index = listing.index_page_for(translation.get_language())
    if index is None:
        return ""
    entries, more = gathered(EMPLOYER_ENTRY_SOURCES, employer, index)
    return render_to_string(
        "opportunities/includes/employer_block.html",
        {"entries": entries, "more": more, "index": index, "heading": gettext("Open now at this employer")},
        request=request,
    )
