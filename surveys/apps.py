from django.apps import AppConfig


class SurveysConfig(AppConfig):
    """The programme's anonymous surveys (how well young people are informed about the krai's professions and labour
    market; employers' assessment of the graduates), built with Wagtail's form builder: one answer per visitor, the
    results as charts with tables, and the answers exported from the admin's «Forms» as CSV or XLSX."""

    name = "surveys"
    verbose_name = "Опросы"
    default_auto_field = "django.db.models.BigAutoField"
