from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.daily import next_run, schedule_daily, waiting
from portal.scheduled import schedule_publishing


class Command(BaseCommand):
    help = (
        "Queues the daily housekeeping (DAILY_COMMANDS) and the scheduled publishing (every "
        "SCHEDULED_PUBLISHING_MINUTES) in the background worker, each unless a run is waiting already."
    )

    def handle(self, *args, **options):
        if schedule_daily():
            self.stdout.write(f"The daily commands are queued for {next_run():%Y-%m-%d %H:%M %Z}.")
        else:
            queued = timezone.localtime(waiting().order_by("run_after").values_list("run_after", flat=True).first())
            self.stdout.write(f"The daily commands are queued already (for {queued:%Y-%m-%d %H:%M %Z}).")
        if schedule_publishing():
            self.stdout.write("Scheduled publishing is queued.")
