"""Delete competition entries past their keeping time: COMPETITION_ENTRIES_KEPT_DAYS after the results are published
(COMPETITION_ENTRIES_MAX_DAYS after entries closed when none were); a winning work taken into the best practices is
cut down to what the practice shows (SECURITY.md). Run daily by the worker (portal.daily)."""

from django.core.management.base import BaseCommand

from competitions.keeping import forget_unneeded


class Command(BaseCommand):
    help = "Delete competition entries (with their files and scores) kept long enough after the results."

    def handle(self, *args, **options):
        deleted, cut = forget_unneeded()
        self.stdout.write(f"{deleted} competition entr(y/ies) deleted, {cut} taken into best practices cut down")
