from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Поиск"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from portal import content_version

        from . import signals

        signals.connect()
        content_version.track(SearchPromotion)  # the editors' picks: the queries that have them are cached
