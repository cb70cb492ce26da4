"""The profession card's PDF, built in the background after publishing (``portal.builds``)."""

from portal.builds import Builder, register
from portal.pdf import pdf_bytes, qr_svg

from .models import (
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    ProfessionPage,
    Sector,
    Specialty,
)

# The card shows names and details of these: editing one rebuilds the cards.
REFERENCE_MODELS = (Sector, MunicipalDistrict, Employer, EducationalOrganization, Specialty, InvestmentProject)


def card_pdf(page):
    context = {"page": page, "qr_code": qr_svg(page.full_url), **page.card_context(None)}
    return pdf_bytes(None, "atlas/profession_pdf.html", context, title=page.title)


PROFESSION_PDF = register(
    Builder(
        kind="profession-pdf",
        build=card_pdf,
        filename=lambda page: f"{page.slug}.pdf",
        applies_to=(ProfessionPage,),
        depends_on=REFERENCE_MODELS,
        label="PDF",
    )
)
