from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """«Работай»: the accounts of organisations — employers and colleges — that publish opportunities for young
    people. This slice: registration, e-mail confirmation, approval by editors, the organisation's own profile."""

    name = "partners"
    verbose_name = "Организации-партнёры"
    default_auto_field = "django.db.models.BigAutoField"
