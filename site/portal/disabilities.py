"""Disability categories (нозологии) used in Russian education, shared by the atlas and the navigators."""

from django.utils.translation import gettext_lazy as _

DISABILITY_CATEGORIES = [
    ("vision_low", _("Low vision")),
    ("vision_blind", _("Blindness")),
    ("hearing", _("Hard of hearing")),
    ("deaf", _("Deafness")),
    ("musculoskeletal", _("Musculoskeletal disorders")),
    ("speech", _("Severe speech disorders")),
    ("intellectual", _("Intellectual disability")),
    ("autism", _("Autism spectrum")),
    ("somatic", _("Somatic illnesses")),
]

SUITABILITY_DEGREES = [
    ("suitable", _("Suitable")),
    ("limited", _("Suitable with limitations")),
    ("not_suitable", _("Not suitable")),
]

SUITED_DEGREES = ("suitable", "limited")  # a profession one can take up, also with limitations
