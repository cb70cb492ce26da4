from pathlib import Path

from django.core.management.base import BaseCommand

from atlas.exchange import RESOURCES, run_import
from portal.importing import import_from_command


class Command(BaseCommand):
    help = (
        "Import atlas data from a CSV or XLSX file: checks every row first and writes only a file without "
        "problems, all or nothing. Rows are matched by slug, so a second run of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(RESOURCES))
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, write nothing.")

    def handle(self, *args, kind, path, dry_run=False, **options):
        import_from_command(self, run_import, path, {"kind": kind}, dry_run=dry_run)
