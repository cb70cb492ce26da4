from django.apps import AppConfig


class ExtracurricularConfig(AppConfig):
    """«Дополнительное образование»: the catalogue of the krai's additional-education programmes for children (clubs,
    studios, sections) in the six official directions, faceted by district, age, direction and cost, each leading to
    the krai's navigator of additional education, where families enrol."""

    name = "extracurricular"
    verbose_name = "Дополнительное образование"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import content_version

        from .models import ExtracurricularProgramme

        # Neither a page nor a snippet: saving one must still make the cached catalogue stale.
        content_version.track(ExtracurricularProgramme)
