from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    """Профнавигатор, Профнавигатор равных возможностей and the handbook for applicants (to come)."""

    name = "navigator"
    verbose_name = "Профнавигатор"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import builds  # noqa: F401 - registers the files this app builds in the background
