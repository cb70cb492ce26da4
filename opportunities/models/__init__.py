from .bookings import HOLDING, Booking, BookingStatus
from .opportunities import (
    Kind,
    Opportunity,
    OpportunityAccessibility,
    OpportunityPhoto,
    OpportunitySlot,
)
from .pages import OpportunityIndexPage

__all__ = [
    "HOLDING",
    "Booking",
    "BookingStatus",
    "Kind",
    "Opportunity",
    "OpportunityAccessibility",
    "OpportunityIndexPage",
    "OpportunityPhoto",
    "OpportunitySlot",
]
