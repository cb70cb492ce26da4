from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Municipal reporting: the monitoring's collection rounds. An analyst opens a round (a year, the indicators, a
    deadline); each district's coordinator fills in the district's figures, with evidence, and submits them; the
    analyst returns them with comments or approves them, and only then do they become the monitoring's observations."""

    name = "reporting"
    verbose_name = "Сбор данных мониторинга"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from portal.private_media import delete_stored_file

        from .models import EvidenceFile

        post_delete.connect(delete_stored_file, sender=EvidenceFile, dispatch_uid="reporting.delete_stored_file")
