import importlib

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.bulk_indexing import index_updates_deferred


class Command(BaseCommand):
    help = (
        "Build the demo site from media_seed/ (idempotent: run it twice and nothing doubles). Each installed app "
        "that has a `seed` module with a `Seeder` class contributes, in INSTALLED_APPS order."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Overwrite seeded content with media_seed/ (editors' changes to it are lost).",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Leave the search and references indexes alone (tests and benchmarks index what they need).",
        )
        parser.add_argument(
            "--app",
            action="append",
            dest="labels",
            metavar="LABEL",
            help="Seed only this app (repeat for more); the apps it builds on must be seeded already.",
        )

    def handle(self, *args, refresh=False, no_index=False, labels=None, **options):
        seeders = self.seeders()
        if labels:
            if unknown := sorted(set(labels) - set(seeders)):
                raise CommandError(f"No seed in {', '.join(unknown)}; apps with one: {', '.join(seeders)}.")
            seeders = {label: seeder for label, seeder in seeders.items() if label in labels}
        created = 0
        # Indexed once, at the end (portal.bulk_indexing): not on each of the seed's thousands of saves.
        with index_updates_deferred(), transaction.atomic():
            for label, seeder in seeders.items():
                count = seeder(refresh=refresh, log=self.stdout.write).run()
                self.stdout.write(f"{label}: {count} created")
                created += count
        if not no_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Seed loaded: {created} item(s) created."))

    @staticmethod
    def seeders():
        """The installed apps' Seeder classes by app label, in INSTALLED_APPS order."""
        found = {}
        for app in apps.get_app_configs():
            try:
                module = importlib.import_module(f"{app.name}.seed")
            except ModuleNotFoundError as error:
                if error.name != f"{app.name}.seed":
                    raise
                continue
            found[app.label] = module.Seeder
        return found
