from django.apps import AppConfig

# What organisations' people may do with opportunities (their own only: partners.permissions); migration 0002 grants
# them to the «Организации» group.
PERMISSIONS = [("opportunities", f"{action}_opportunity") for action in ("add", "change", "delete", "view")]
# And with the bookings of their opportunities: see them, answer them, record attendance (migration 0004).
BOOKING_PERMISSIONS = [("opportunities", "change_booking"), ("opportunities", "view_booking")]


class OpportunitiesConfig(AppConfig):
    """«Работай», the second slice: what approved organisations offer school classes and students (excursions,
    professional trials, master classes, internships, «Неделя без турникета», open days), its public list with
    facets, and the block on every atlas profession card. Accounts and per-organisation isolation are ``partners``'."""

    name = "opportunities"
    verbose_name = "Профпробы, экскурсии и практики"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from partners.models import Organisation
        from partners.permissions import grant_to_organisations
        from portal import content_version

        from .models import Booking, Opportunity, OpportunityAccessibility, OpportunityPhoto, OpportunitySlot
        from .models.opportunities import organisation_changed

        # Not pages nor snippets: saving them must still make cached pages (the list, the cards' block) stale. An
        # organisation is not tracked as a whole (every request for an account would empty the caches): only when it
        # has opportunities (organisation_changed).
        # A booking changes the places left an opportunity's page shows.
        content_version.track(Opportunity, OpportunitySlot, OpportunityAccessibility, OpportunityPhoto, Booking)
        post_save.connect(organisation_changed, sender=Organisation, dispatch_uid="opportunities.organisation")
        grant_to_organisations("opportunities", *PERMISSIONS)
        grant_to_organisations("bookings", *BOOKING_PERMISSIONS)
