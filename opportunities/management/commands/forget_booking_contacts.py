"""Erase the contacts of bookings whose visit was more than ``BOOKING_CONTACTS_KEPT_DAYS`` ago (SECURITY.md says what
stays). Run it daily, beside forget_organisation_requests and forget_teacher_requests."""

from django.core.management.base import BaseCommand

from opportunities.bookings import forget_contacts


class Command(BaseCommand):
    help = "Erase the teachers' contacts and the notes on students' needs from bookings of visits long past."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_contacts()} booking(s) erased")
