"""Delete what visitors sent through the feedback form and the «Нашли ошибку?» dialog FEEDBACK_KEPT_DAYS days after it
was sent (SECURITY.md). Run daily by the worker (portal.daily)."""

from django.core.management.base import BaseCommand

from feedback.retention import forget_old


class Command(BaseCommand):
    help = "Delete feedback form submissions and mistake reports sent longer ago than FEEDBACK_KEPT_DAYS."

    def handle(self, *args, **options):
        submissions, reports = forget_old()
        self.stdout.write(f"{submissions} feedback submission(s) and {reports} mistake report(s) deleted")
