"""Write indicators 7 and 8's observations counted from the events the coordinators recorded as held
(reporting.held). Recording an event queues the same work; run this after a municipality's figures of indicator 7 or
8 were imported or corrected, since their denominators are the ones it divides by."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.portal_counts import NoIndicator
from reporting.held import publish_held_events


class Command(BaseCommand):
    help = (
        "Writes the early-guidance children and the participants with disabilities of the events recorded as held "
        "into the monitoring as observations of indicators 7 and 8 (origin: the portal). Only changed figures are "
        "written."
    )

    def handle(self, *args, **options):
        try:
            written = publish_held_events.call()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicators 7 and 8 written.")
