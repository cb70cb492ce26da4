"""Write indicator 9's observations counted from the attendance recorded on bookings (opportunities.indicator). An
organisation's recording queues the same work; run this after a municipality's figures of indicator 9 were imported
or corrected, since their denominators are the ones it divides by."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.portal_counts import NoIndicator
from opportunities.indicator import ATTENDANCE, publish_attendance


class Command(BaseCommand):
    help = (
        "Writes the students who came on excursions and trials booked on the portal into the monitoring as "
        "observations of indicator 9 (origin: the portal). Only changed figures are written."
    )

    def handle(self, *args, **options):
        try:
            written = publish_attendance.call()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicator {ATTENDANCE.indicator} written.")
