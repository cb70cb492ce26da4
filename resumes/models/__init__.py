from .accounts import Consent, Occupation, StudentAccount, confirmation_age
from .employers import Invitation, InvitationStatus, ResumeView
from .resume import DrivingLicence, ExperienceKind, Resume, ResumeEducation, ResumeExperience

__all__ = [
    "Consent",
    "DrivingLicence",
    "ExperienceKind",
    "Invitation",
    "InvitationStatus",
    "Occupation",
    "Resume",
    "ResumeEducation",
    "ResumeExperience",
    "ResumeView",
    "StudentAccount",
    "confirmation_age",
]
