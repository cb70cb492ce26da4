from .pages import CareerBuilderPage
from .questionnaire import QuestionnaireQuestion
from .sessions import ClassResult, ClassSession
from .tallies import CountedDiagnosis, DiagnosticTally

__all__ = [
    "CareerBuilderPage",
    "ClassResult",
    "ClassSession",
    "CountedDiagnosis",
    "DiagnosticTally",
    "QuestionnaireQuestion",
]
