"""Write indicator 10's observations counted from the competitions whose results were published on the portal
(competitions.indicator). Publishing results queues the same work; the daily run catches pages unpublished or dates
corrected since."""

from django.core.management.base import BaseCommand, CommandError

from competitions.indicator import HELD, publish_held
from monitoring.portal_counts import NoIndicator


class Command(BaseCommand):
    help = (
        "Writes the number of career-guidance competitions whose results were published on the portal into the "
        "monitoring as observations of indicator 10 (origin: the portal). Only changed figures are written."
    )

    def handle(self, *args, **options):
        try:
            written = publish_held.call()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicator {HELD.indicator} written.")
