from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Courses: the catalogue of professional-development courses for teachers, career navigators and school
    psychologists, teachers' enrolment on them, the organisers' confirmation of completion, and indicator 3 of the
    monitoring counted from those completions."""

    name = "courses"
    verbose_name = "Курсы повышения квалификации"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import content_version

        from .models import Course, Enrolment

        # The catalogue shows the courses and the places left: the page cache must see both change.
        content_version.track(Course, Enrolment)
