from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Contacts and feedback: the contacts page (the bodies' contacts are the site settings'), the feedback form
    (Wagtail's form builder) and the reports of mistakes a visitor selects on any page («Нашли ошибку?»), each mailed
    to the editors through the task queue and deleted after FEEDBACK_KEPT_DAYS."""

    name = "feedback"
    verbose_name = "Обратная связь"
    default_auto_field = "django.db.models.BigAutoField"
