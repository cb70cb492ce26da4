from .index import MethodicsIndexPage
from .kits import GameCard, KitAdaptation, KitMaterial, KitVersion, MethodicalKitPage
from .lessons import LessonMaterial, LessonPage
from .practices import BestPracticeIndexPage, BestPracticePage, PracticeMaterial

__all__ = [
    "BestPracticeIndexPage",
    "BestPracticePage",
    "GameCard",
    "KitAdaptation",
    "KitMaterial",
    "KitVersion",
    "LessonMaterial",
    "LessonPage",
    "MethodicalKitPage",
    "MethodicsIndexPage",
    "PracticeMaterial",
]
