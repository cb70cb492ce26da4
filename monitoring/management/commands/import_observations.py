from pathlib import Path

from django.core.management.base import BaseCommand

from monitoring.exchange import run_import
from portal.importing import import_from_command


class Command(BaseCommand):
    help = (
        "Import the municipalities' observations from a CSV or XLSX file: checks every row first and writes "
        "only a file without problems, all or nothing; a changed figure becomes a correction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, write nothing.")

    def handle(self, *args, path, dry_run=False, **options):
        import_from_command(self, run_import, path, {}, dry_run=dry_run)
