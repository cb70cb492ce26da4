"""Write indicator 3's observations counted from the completions organisers confirmed (courses.indicator). A
confirmation queues the same work; the daily run catches a municipality's figures of indicator 3 imported or corrected
since, as their denominators are the ones it divides by."""

from django.core.management.base import BaseCommand, CommandError

from courses.indicator import COMPLETIONS, publish_course_completions
from monitoring.portal_counts import NoIndicator


class Command(BaseCommand):
    help = (
        "Writes the teachers who completed a course of the catalogue into the monitoring as observations of "
        "indicator 3 (origin: the portal). Only changed figures are written."
    )

    def handle(self, *args, **options):
        try:
            written = publish_course_completions.call()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicator {COMPLETIONS.indicator} written.")
