from .index import AtlasIndexPage
from .pages import KLIMOV_TYPES, ProfessionPage, ProfessionSuitability
from .snippets import (
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
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
    "ProfessionPage",
    "ProfessionSuitability",
    "SchoolSubject",
    "Sector",
    "Specialty",
]
