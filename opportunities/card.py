"""The block «Профпробы, экскурсии и вакансии сейчас» of an atlas profession card (registered with the atlas's
``profession_card_sections`` hook): the profession's listed opportunities, with a fixed number of queries whatever
their number. Vacancies (a later slice) add their own entries to ``ENTRY_SOURCES``."""

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
    """The profession's listed opportunities, soonest first: two queries (the opportunities with their organisations'
    names, and their coming slots)."""
    found = list(
        Opportunity.objects.listed()
        .filter(professions__translation_key=page.translation_key)
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


ENTRY_SOURCES = [opportunity_entries]


def profession_block(request, page):
    """The block's HTML for the card ``page``; nothing while no list page of opportunities is published."""
    index = listing.index_page_for(translation.get_language())
    if index is None:
        return ""
    entries = [entry for source in ENTRY_SOURCES for entry in source(page, index)]
    default = locales.default_language()
    original_slug = (
        ProfessionPage.objects.filter(translation_key=page.translation_key, locale__language_code=default)
        .values_list("slug", flat=True)
        .first()
    )
    return render_to_string(
        "opportunities/includes/profession_block.html",
        {
            "entries": entries[:SHOWN],
            "more": max(len(entries) - SHOWN, 0),
            "index": index,
            "all_url": index.url + (f"?profession={original_slug}" if original_slug else ""),
            "heading": gettext("Trials, excursions and vacancies now"),
        },
        request=request,
    )
