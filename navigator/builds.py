"""The booklet PDF of a Profnavigator edition — cover, contents with page numbers, one card per page with running
headers, each card from the same template part as the atlas page — built in the background (``portal.builds``):
200 cards take WeasyPrint most of a minute, which no request may wait for."""

from django.db.models import Max

from atlas.builds import REFERENCE_MODELS
from atlas.models import ProfessionPage
from portal.builds import Builder, register
from portal.pdf import pdf_bytes

from .models import ProfnavigatorEditionPage


def booklet_context(edition):
    sections = []
    for section, professions in edition.section_list():
        cards = [{"page": profession, **profession.card_context(None)} for profession in professions]
        sections.append({"title": section["title"], "notes": section["notes"], "cards": cards})
    return {"edition": edition, "sections": sections}


def booklet_pdf(edition):
    return pdf_bytes(None, "navigator/booklet.html", booklet_context(edition), title=edition.title)


def booklet_version(edition):
    """The edition's revision and the last time one of its cards was published: two small queries, whatever the
    number of cards (their ids read from the stored sections, no page loaded), as every request for it asks."""
    ids = [
        item["value"] if isinstance(item, dict) else item  # list items are stored with ids, or as bare values
        for section in edition.sections.raw_data
        for item in section["value"].get("professions", [])
        if item
    ]
    cards = ProfessionPage.objects.live().filter(pk__in=ids)
    latest = cards.aggregate(latest=Max("last_published_at"))["latest"]
    return f"{edition.live_revision_id or 0}-{latest.timestamp() if latest else 0:.0f}"


def editions_with(page):
    """The live editions a just-published profession card is in."""
    if not isinstance(page, ProfessionPage):
        return []
    editions = ProfnavigatorEditionPage.objects.live().filter(locale_id=page.locale_id)
    return [edition for edition in editions if page.pk in edition.profession_ids()]


BOOKLET_PDF = register(
    Builder(
        kind="booklet-pdf",
        build=booklet_pdf,
        filename=lambda edition: f"profnavigator-{edition.year}.pdf",
        version=booklet_version,
        applies_to=(ProfnavigatorEditionPage,),
        affected=editions_with,
        depends_on=REFERENCE_MODELS,
        label="PDF",
    )
)
