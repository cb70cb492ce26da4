from django.core.management.base import BaseCommand

from editorial import links


class Command(BaseCommand):
    help = (
        "Checks the external links of the live pages (a timeout per link) and keeps the broken ones for the "
        "dashboard. Run daily; checks only when LINK_CHECK_EVERY_DAYS have passed since the last check, or --now."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Check even if the last check is recent.")

    def handle(self, *args, now=False, **options):
        if not now and not links.due():
            self.stdout.write("Checked less than a week ago: nothing to do.")
            return
        checked, broken = links.check_all()
        self.stdout.write(f"{checked} external addresses checked, {broken} broken.")
