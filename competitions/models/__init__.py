from .entries import Entry, EntryFile, EntryResult, EntryStatus, Score
from .pages import Audience, CompetitionIndexPage, CompetitionPage, Nomination, Phase

__all__ = [
    "Audience",
    "CompetitionIndexPage",
    "CompetitionPage",
    "Entry",
    "EntryFile",
    "EntryResult",
    "EntryStatus",
    "Nomination",
    "Phase",
    "Score",
]
