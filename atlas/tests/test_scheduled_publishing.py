"""A card an editor scheduled goes live at its time, and one past its expiry comes down, with nobody at a console:
the background worker runs Wagtail's scheduled publishing (portal.scheduled)."""

import datetime

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from atlas.factories import ProfessionPageFactory
from atlas.models import ProfessionPage
from portal.scheduled import schedule_publishing, waiting
from portal.tests.helpers import run_worker


def test_the_worker_publishes_a_scheduled_card_and_unpublishes_an_expired_one(atlas):
    card = ProfessionPageFactory(parent=atlas, title="Оператор беспилотников", live=False)
    card.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = card.save_revision()
    revision.publish()
    card = ProfessionPage.objects.get(pk=card.pk)
    assert not card.live and revision.approved_go_live_at  # scheduled, waiting for its time
    # The hour passes: the revision's go-live time (and the one it holds for the page) is now a minute ago.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    leaving = ProfessionPageFactory(parent=atlas, title="Телеграфист")
    ProfessionPage.objects.filter(pk=leaving.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("schedule_daily")  # as a deployment does: queues the daily run and the scheduled publishing
    run_worker("long")

    assert ProfessionPage.objects.get(pk=card.pk).live
    left = ProfessionPage.objects.get(pk=leaving.pk)
    assert not left.live and left.expired
    # The run queued the next one, a few minutes on, and only one.
    assert waiting().count() == 1 and waiting().get().run_after > timezone.now()
    assert schedule_publishing() is False
