from .index import AtlasIndexPage
from .pages import KLIMOV_TYPES, ProfessionPage, ProfessionSuitability
from .snippets import (
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    OpenDay,
    SchoolSubject,
    Sector,
    Specialty,
)

__all__ = [
    "KLIMOV_TYPES",
    "AtlasIndexPage",
    "EducationalOrganization",
    "Employer",
    "InvestmentProject",
    "MunicipalDistrict",
    "OpenDay",
    "ProfessionPage",
    "ProfessionSuitability",
    "SchoolSubject",
    "Sector",
    "Specialty",
]
