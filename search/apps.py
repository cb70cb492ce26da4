from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Поиск"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
