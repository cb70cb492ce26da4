from .accounts import Consent, Occupation, StudentAccount, confirmation_age
from .employers import Invitation, InvitationStatus, ResumeView
from .files import FileKind, ResumeFile
from .resume import DrivingLicence, ExperienceKind, Resume, ResumeEducation, ResumeExperience

__all__ = [
    "Consent",
    "DrivingLicence",
    "ExperienceKind",
    "FileKind",
    "Invitation",
    "InvitationStatus",
    "Occupation",
    "Resume",
    "ResumeEducation",
    "ResumeExperience",
    "ResumeFile",
    "ResumeView",
    "StudentAccount",
    "confirmation_age",
]
