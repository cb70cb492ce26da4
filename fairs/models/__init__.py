from .booths import Booth, BoothStatus, InterviewSlot
from .pages import FairFormat, FairIndexPage, FairPage
from .visits import Registration, SlotBooking

__all__ = [
    "Booth",
    "BoothStatus",
    "FairFormat",
    "FairIndexPage",
    "FairPage",
    "InterviewSlot",
    "Registration",
    "SlotBooking",
]
