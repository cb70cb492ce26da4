"""Delete parents' questions past their keeping time: CONSULTATION_ANSWERED_KEPT_DAYS after the centre answered, or
CONSULTATION_KEPT_DAYS after they were sent (SECURITY.md). Run daily by the worker (portal.daily)."""

from django.core.management.base import BaseCommand

from parents.consultations import forget_unneeded


class Command(BaseCommand):
    help = "Delete parents' consultation requests answered long enough ago, or sent too long ago."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_unneeded()} consultation request(s) deleted")
