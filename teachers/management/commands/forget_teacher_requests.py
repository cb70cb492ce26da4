"""Delete what SECURITY.md says the portal does not keep of teachers' requests: unconfirmed ones whose link has
expired (``TEACHER_CONFIRMATION_DAYS``) and rejected ones older than ``TEACHER_REJECTED_KEPT_DAYS``, with their
closed accounts. Run it daily (cron or a scheduler), beside ``forget_organisation_requests``."""

from django.core.management.base import BaseCommand

from teachers.accounts import forget_unneeded_requests


class Command(BaseCommand):
    help = "Delete lapsed unconfirmed and old rejected teachers' account requests with their closed accounts."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_unneeded_requests()} request(s) deleted")
