from django.apps import AppConfig


class AtlasConfig(AppConfig):
    """Атлас востребованных профессий Хабаровского края (its models come with the atlas issue)."""

    name = "atlas"
    verbose_name = "Атлас профессий"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import builds  # noqa: F401 - registers the files this app builds in the background
