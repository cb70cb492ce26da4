from django.apps import AppConfig


class ResumesConfig(AppConfig):
    """The students' résumé base: accounts of college and university students and graduates, their consent to the
    processing of personal data (152-ФЗ) with its version, and what they may do with their data at any time — read
    the consent, withdraw it, download everything, delete the account."""

    name = "resumes"
    verbose_name = "База резюме студентов"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from partners.permissions import ORGANISATION_MENU
        from portal.private_media import delete_stored_file

        from .models.files import ResumeFile
        from .wagtail_hooks import MENU_NAME

        # Shown in an organisation's narrowed menu; the item itself shows only to employers (resumes.employers).
        ORGANISATION_MENU.add(MENU_NAME)
        post_delete.connect(delete_stored_file, sender=ResumeFile, dispatch_uid="resumes.delete_stored_file")
