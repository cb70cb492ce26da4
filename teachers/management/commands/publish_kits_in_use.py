"""Write indicator 6's observations counted from the schools that marked an early-guidance kit as in use
(teachers.in_use). A school's mark queues the same work; the daily run catches a municipality's figures of indicator 6
imported or corrected since, as their denominators are the ones it divides by."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.portal_counts import NoIndicator
from teachers.in_use import IN_USE, publish_in_use


class Command(BaseCommand):
    help = (
        "Writes the schools whose teachers marked an early-guidance kit as in use into the monitoring as observations "
        "of indicator 6 (origin: the portal). Only changed figures are written."
    )

    def handle(self, *args, **options):
        try:
            written = publish_in_use.call()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicator {IN_USE.indicator} written.")
