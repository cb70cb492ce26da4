from .pages import CareerBuilderPage
from .sessions import ClassResult, ClassSession
from .tallies import DiagnosticTally

__all__ = ["CareerBuilderPage", "ClassResult", "ClassSession", "DiagnosticTally"]
