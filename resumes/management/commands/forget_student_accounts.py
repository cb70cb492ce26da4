"""Delete students' accounts whose address was never confirmed, and those whose consent was withdrawn more than
STUDENT_WITHDRAWN_KEPT_DAYS ago (SECURITY.md). Run daily by the worker (portal.daily)."""

from django.core.management.base import BaseCommand

from resumes.accounts import forget_unneeded_accounts


class Command(BaseCommand):
    help = "Delete students' accounts never confirmed, or whose consent was withdrawn long enough ago."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_unneeded_accounts()} student account(s) deleted")
