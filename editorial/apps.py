from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' workplace: a dashboard on the admin's home screen of what needs attention across the programme
    (each item a count linking to the list where it is fixed) and the weekly check of the external links the pages
    give. It reads the feature apps; nothing imports it."""

    name = "editorial"
    verbose_name = "Редакция"
    default_auto_field = "django.db.models.BigAutoField"
