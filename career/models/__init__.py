from .pages import CareerBuilderPage
from .questionnaire import QuestionnaireQuestion
from .sessions import ClassResult, ClassSession
from .steps import MonthlyStep
from .tallies import CountedDiagnosis, DiagnosticTally, RouteChoiceTally

__all__ = [
    "CareerBuilderPage",
    "ClassResult",
    "ClassSession",
    "CountedDiagnosis",
    "DiagnosticTally",
    "MonthlyStep",
    "QuestionnaireQuestion",
    "RouteChoiceTally",
]
