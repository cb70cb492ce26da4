from .centres import CentreKind, ConsultationRequest, Grade, SupportCentre
from .pages import SupportCentresPage

__all__ = ["CentreKind", "ConsultationRequest", "Grade", "SupportCentre", "SupportCentresPage"]
