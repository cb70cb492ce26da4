from django.apps import AppConfig


class TeachersConfig(AppConfig):
    """Teachers' accounts: a teacher asks for one, confirms the e-mail address, and an editor or the coordinator of
    the school's district approves it; approved teachers join «Педагоги» and download the private materials."""

    name = "teachers"
    verbose_name = "Учётные записи педагогов"
    default_auto_field = "django.db.models.BigAutoField"
