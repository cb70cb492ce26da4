from django.apps import AppConfig


class MethodicsConfig(AppConfig):
    """ПрофиВОХ methodological kits and lessons (to come)."""

    name = "methodics"
    verbose_name = "ПрофиВОХ"
    default_auto_field = "django.db.models.BigAutoField"
