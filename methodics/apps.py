from django.apps import AppConfig


class MethodicsConfig(AppConfig):
    """ПрофиВОХ methodological kits, their lessons and materials, the game module and best practices."""

    name = "methodics"
    verbose_name = "ПрофиВОХ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import downloads  # noqa: F401 - registers the files this app builds in the background
