from django.apps import AppConfig


class CareerConfig(AppConfig):
    """«Конструктор карьеры»: the interest questionnaire, the ranked atlas professions, the individual route,
    anonymous class sessions and the portal's counts for indicator 1."""

    name = "career"
    verbose_name = "Конструктор карьеры"
    default_auto_field = "django.db.models.BigAutoField"
