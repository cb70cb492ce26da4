from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from atlas.exchange import RESOURCES, run_import
from portal.spreadsheets import ImportFileError, load_dataset


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
        try:
            dataset = load_dataset(path.read_bytes(), path.name)
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {path}") from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        with tqdm(total=dataset.height, unit="row", desc="checking", disable=not self.stdout.isatty()) as bar:
            report = run_import(kind, dataset, dry_run=dry_run, progress=bar.update)
        for row, column, message in report.problems:
            self.stderr.write(f"row {row}{f', column {column}' if column else ''}: {message}")
        if not report.ok:
            raise CommandError(f"{len(report.problems)} problem(s) found; nothing was written.")
        totals = ", ".join(f"{key}: {value}" for key, value in report.totals.items() if value)
        verb = "would be written (dry run)" if dry_run else "written"
        self.stdout.write(self.style.SUCCESS(f"{dataset.height} row(s) checked, {verb}. {totals}"))
