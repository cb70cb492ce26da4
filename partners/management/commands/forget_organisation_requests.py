"""Delete what SECURITY.md says the portal does not keep: unconfirmed requests whose link has expired, and rejected
requests older than 30 days, with their closed accounts. Run it daily (cron or a scheduler)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from partners.accounts import forget_lapsed_requests
from partners.models import Organisation, Status

REJECTED_KEPT = timedelta(days=30)


class Command(BaseCommand):
    help = "Delete lapsed unconfirmed and old rejected organisation account requests with their closed accounts."

    def handle(self, *args, **options):
        before = Organisation.objects.count()
        forget_lapsed_requests()
        old_rejected = Organisation.objects.filter(
            status=Status.REJECTED, decided_at__lte=timezone.now() - REJECTED_KEPT
        )
        get_user_model().objects.filter(pk__in=old_rejected.values("account_id"), is_active=False).delete()
        self.stdout.write(f"{before - Organisation.objects.count()} request(s) deleted")
