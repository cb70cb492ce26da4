from django.core.management.base import BaseCommand

from reporting.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind the coordinators of districts that have not submitted a week and a day before a round's deadline."

    def handle(self, *args, **options):
        self.stdout.write(f"Reminders queued: {send_reminders()}")
