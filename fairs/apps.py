from django.apps import AppConfig

# What organisations' people may do with their booths: see and fill them in (editors add them: that is the
# invitation). Migration 0002 grants them to the «Организации» group.
PERMISSIONS = [("fairs", "change_booth"), ("fairs", "view_booth")]


class FairsConfig(AppConfig):
    """Vacancy fairs, among them the fair for graduates with disabilities: the fairs' pages, the employers' booths
    with interview slots, the students' registrations and bookings, and the results in the monitoring pages."""

    name = "fairs"
    verbose_name = "Ярмарки вакансий"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partners.permissions import grant_to_organisations
        from portal import content_version

        from .models import Booth, InterviewSlot, SlotBooking

        # Not pages: saving them must still make the fair's cached page stale (the booths, the places left).
        content_version.track(Booth, InterviewSlot, SlotBooking)
        grant_to_organisations("booths", *PERMISSIONS)
