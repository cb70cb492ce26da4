from django.apps import AppConfig


class AtlasConfig(AppConfig):
    """Атлас востребованных профессий Хабаровского края (its models come with the atlas issue)."""

    name = "atlas"
    verbose_name = "Атлас профессий"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import content_version

        from . import builds  # noqa: F401 - registers the files this app builds in the background
        from .models import OpenDay, ProfessionSuitability, SchoolSubject

        # Shown on the cards, the handbook and the routes, and not pages, snippets or settings: the page cache must
        # see them change (a card's suitability rows are written with the card, and by the import without it; an
        # organisation's open days with the organisation).
        content_version.track(SchoolSubject, ProfessionSuitability, OpenDay)
