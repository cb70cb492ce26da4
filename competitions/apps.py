from django.apps import AppConfig


class CompetitionsConfig(AppConfig):
    """Career-guidance competitions of the krai for students and teachers: the competitions' pages, online entries
    with their files, the jury's scores in the admin, the published results and the winners' works taken into the
    best practices; indicator 10 of the monitoring counted from them."""

    name = "competitions"
    verbose_name = "Конкурсы"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from portal.private_media import delete_stored_file

        from .models import EntryFile

        post_delete.connect(delete_stored_file, sender=EntryFile, dispatch_uid="competitions.delete_stored_file")
