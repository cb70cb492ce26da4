from django.apps import AppConfig


class ParentsConfig(AppConfig):
    """Parents: the krai's support centres for families with their directory, and the consultation requests parents
    send them (seen only by the centre's staff, deleted when no longer needed). The section's guides and the parents'
    club are pages of the shell (sections, content and event pages) the seed writes."""

    name = "parents"
    verbose_name = "Родителям"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import content_version

        from .models import SupportCentre

        content_version.track(SupportCentre)  # the directory shows the centres: the page cache must see them change
