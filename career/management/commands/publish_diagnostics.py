from django.core.management.base import BaseCommand, CommandError

from career.publish import publish
from career.record import forget_old
from monitoring.portal_counts import NoIndicator


class Command(BaseCommand):
    help = (
        "Writes the portal's anonymous counts of completed career diagnostics and built routes into the "
        "monitoring as observations of indicator 1 (origin: the portal). Only changed figures are written. "
        "Then forgets the marks that count each diagnosis once, after a year."
    )

    def handle(self, *args, **options):
        try:
            written = publish()
        except NoIndicator as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} observation(s) of indicator 1 written.")
        self.stdout.write(f"{forget_old()} counted diagnosis mark(s) older than a year forgotten.")
