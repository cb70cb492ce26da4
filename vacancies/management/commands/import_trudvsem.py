"""Import a file of «Работа России» vacancies by hand, or start the daily refresh from TRUDVSEM_URL."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vacancies import tasks, trudvsem


class Command(BaseCommand):
    help = (
        "Import the krai's vacancies for young people from a JSON file of «Работа России» open data (all or nothing; "
        "the same file twice changes nothing; vacancies no longer in the file are closed), or with --schedule queue "
        "the daily refresh from TRUDVSEM_URL (at most one waits in the queue)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a JSON file of opendata.trudvsem.ru (api/v1/vacancies/region/27)")
        parser.add_argument("--dry-run", action="store_true", help="check the file and write nothing")
        parser.add_argument("--schedule", action="store_true", help="queue the daily refresh from TRUDVSEM_URL")

    def handle(self, *args, file=None, dry_run=False, schedule=False, **options):
        if schedule:
            if tasks.schedule_refresh():
                self.stdout.write(_("The refresh is queued; it queues the next one a day later."))
            else:
                self.stdout.write(_("Not queued: TRUDVSEM_URL is not set, or a refresh is waiting already."))
            return
        if not file:
            raise CommandError(_("Give a file to import, or --schedule."))
        try:
            report = trudvsem.import_file(file, dry_run=dry_run)
        except OSError as error:
            raise CommandError(str(error)) from error
        for problem in report.sorted_problems():
            where = f"{problem.row}: " if problem.row else ""
            column = f"{problem.column} " if problem.column else ""
            self.stderr.write(
                f"{where}{column}«{problem.value}» — {problem.message}"
                if problem.value
                else f"{where}{column}{problem.message}"
            )
        for line in [*report.summary(), *report.notes]:
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(_("Nothing was imported: correct the file and run the command again."))
