from .accounts import Consent, Occupation, StudentAccount, confirmation_age
from .resume import DrivingLicence, ExperienceKind, Resume, ResumeEducation, ResumeExperience

__all__ = [
    "Consent",
    "DrivingLicence",
    "ExperienceKind",
    "Occupation",
    "Resume",
    "ResumeEducation",
    "ResumeExperience",
    "StudentAccount",
    "confirmation_age",
]
