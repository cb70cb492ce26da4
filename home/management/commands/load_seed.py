from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.seed import Seeder


class Command(BaseCommand):
    help = "Build the demo site from media_seed/ (idempotent: run it twice and nothing doubles)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Overwrite seeded pages with the content of media_seed/ (editors' changes to them are lost).",
        )
        parser.add_argument("--no-index", action="store_true", help="Skip update_index (faster in tests).")

    def handle(self, *args, refresh=False, no_index=False, **options):
        created = Seeder(refresh=refresh, log=self.stdout.write).run()
        if not no_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Seed loaded: {created} page(s) created."))
