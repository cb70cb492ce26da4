from .opportunities import (
    Kind,
    Opportunity,
    OpportunityAccessibility,
    OpportunityPhoto,
    OpportunitySlot,
)
from .pages import OpportunityIndexPage

__all__ = [
    "Kind",
    "Opportunity",
    "OpportunityAccessibility",
    "OpportunityIndexPage",
    "OpportunityPhoto",
    "OpportunitySlot",
]
