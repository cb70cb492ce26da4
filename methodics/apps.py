from django.apps import AppConfig


class MethodicsConfig(AppConfig):
    """ПрофиВОХ methodological kits, their lessons and materials, the game module and best practices."""

    name = "methodics"
    verbose_name = "ПрофиВОХ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import content_version

        from . import downloads  # noqa: F401 - registers the files this app builds in the background
        from .models import GameCard, KitAdaptation, KitMaterial, KitVersion, LessonMaterial, PracticeMaterial

        # The kits' and lessons' inline rows, written with their page (and then the page moves the version anyway),
        # but by anything else without it: the page cache must see them change.
        content_version.track(GameCard, KitAdaptation, KitMaterial, KitVersion, LessonMaterial, PracticeMaterial)
