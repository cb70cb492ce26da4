"""The booklet PDF of a Profnavigator edition: cover, contents with page numbers, one card per page with
running headers — each card from the same template part as the atlas page."""

from portal.pdf import render_pdf


def booklet_context(request, edition):
    sections = []
    for section, professions in edition.section_list():
        cards = [{"page": profession, **profession.card_context(request)} for profession in professions]
        sections.append({"title": section["title"], "notes": section["notes"], "cards": cards})
    return {"edition": edition, "sections": sections}


def render_booklet(request, edition):
    return render_pdf(
        request,
        "navigator/booklet.html",
        booklet_context(request, edition),
        title=edition.title,
        filename=f"profnavigator-{edition.year}.pdf",
    )
