"""Delete the registrations and interview bookings of fairs that ended more than ``FAIR_VISITORS_KEPT_DAYS`` ago (the
booths' results stay: numbers only). Run daily with the other erasures (DAILY_COMMANDS)."""

from django.core.management.base import BaseCommand

from fairs.visits import forget_visitors


class Command(BaseCommand):
    help = "Delete the visitors' registrations and bookings of fairs long past."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_visitors()} registration(s) deleted")
