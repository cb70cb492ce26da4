from .events import EventKind, HeldEvent
from .rounds import CollectionRound, DistrictReport, EvidenceFile, ReportFigure, State, evidence_name

__all__ = [
    "CollectionRound",
    "DistrictReport",
    "EventKind",
    "EvidenceFile",
    "HeldEvent",
    "ReportFigure",
    "State",
    "evidence_name",
]
