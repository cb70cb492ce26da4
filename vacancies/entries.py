"""The vacancies' entries in the block «Профпробы, экскурсии и вакансии сейчас» (``opportunities.card``) of a
profession card and of an employer's page: two queries whatever their number (the first few, and how many in all)."""

from django.utils import translation
from django.utils.translation import gettext

from opportunities.card import SHOWN, Entry

from . import listing
from .models.vacancies import Vacancy


def profession_entries(page, _opportunity_index):
    return entries_of(Vacancy.objects.filter(profession__translation_key=page.translation_key))


def employer_entries(employer, _opportunity_index):
    return entries_of(Vacancy.objects.filter(employer__translation_key=employer.translation_key))


def entries_of(vacancies):
    """The open ones of ``vacancies``, closing soonest first; the first SHOWN as entries, then placeholders up to their
    number (the block shows SHOWN and counts the rest)."""
    index = listing.index_page_for(translation.get_language())
    if index is None:
        return []
    listed = vacancies.listed().order_by("listed_until", "title", "pk")
    found = list(listed.only("pk", "kind", "title", "employer_name", "salary_from", "salary_to", "valid_until")[:SHOWN])
    total = listed.count()  # asked even for a few, so that the block costs the same queries for few and many
    entries = []
    for item in found:
        until = gettext("until %(date)s") % {"date": f"{item.valid_until:%d.%m.%Y}"}
        meta = ", ".join(part for part in (item.salary_label, until) if part)
        url = index.url + index.reverse_subpage("vacancy", args=[item.pk])
        entries.append(Entry(item.get_kind_display(), item.title, url, meta, item.employer_name))
    return entries + [None] * (total - len(entries))


def more_link(profession_slug):
    """The link to the vacancy list (for the profession) under the block."""
    index = listing.index_page_for(translation.get_language())
    if index is None:
        return None
    return gettext("All vacancies"), index.url + (f"?profession={profession_slug}" if profession_slug else "")
