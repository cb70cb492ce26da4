from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Municipal reporting: the monitoring's collection rounds. An analyst opens a round (a year, the indicators, a
    deadline); each district's coordinator fills in the district's figures, with evidence, and submits them; the
    analyst returns them with comments or approves them, and only then do they become the monitoring's observations."""

    name = "reporting"
    verbose_name = "Сбор данных мониторинга"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.private_media import delete_stored_file

        from .held import publish_after_commit
        from .models import EvidenceFile, HeldEvent

        post_delete.connect(delete_stored_file, sender=EvidenceFile, dispatch_uid="reporting.delete_stored_file")
        # Every event recorded, corrected or removed changes the portal's counts of indicators 7 and 8.
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                lambda **kwargs: publish_after_commit(),
                sender=HeldEvent,
                weak=False,
                dispatch_uid=f"reporting.held.{name}",
            )
