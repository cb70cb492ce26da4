"""Forget enrolments on courses that ended COURSE_ENROLMENTS_KEPT_DAYS ago (SECURITY.md): completed ones lose the
teacher's account and name (district and school stay for indicator 3), the rest are deleted. Run daily by the worker
(portal.daily)."""

from django.core.management.base import BaseCommand

from courses.enrolling import forget_past_keeping


class Command(BaseCommand):
    help = "Forget the teachers enrolled on courses that ended long enough ago (completions stay, without names)."

    def handle(self, *args, **options):
        anonymised, deleted = forget_past_keeping()
        self.stdout.write(f"{anonymised} completion(s) anonymised, {deleted} enrolment(s) deleted")
