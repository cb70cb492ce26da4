from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """The programme's ten indicators, the municipalities' observations and the monitoring reports."""

    name = "monitoring"
    verbose_name = "Мониторинг"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from portal import content_version

        from . import builds  # noqa: F401 - registers the files this app builds in the background
        from .models import IndicatorTarget, Observation

        content_version.track(IndicatorTarget)  # the reports' targets: the page cache must see them change
        from .signals import observation_saved

        post_save.connect(observation_saved, sender=Observation, dispatch_uid="monitoring.observation_saved")
