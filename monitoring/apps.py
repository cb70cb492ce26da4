from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """The programme's ten indicators, the municipalities' observations and the monitoring reports."""

    name = "monitoring"
    verbose_name = "Мониторинг"
    default_auto_field = "django.db.models.BigAutoField"
