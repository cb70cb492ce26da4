"""Entries are deleted with their files COMPETITION_ENTRIES_KEPT_DAYS after the results; a winner taken into the best
practices is cut down to what the practice shows; demonstration entries stay."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from competitions.models import CompetitionPage, Entry, EntryFile, Score

from .conftest import make_entry

pytestmark = pytest.mark.django_db


def test_entries_are_forgotten_after_the_results_but_what_best_practices_show(
    make_competition, juror, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    settings.COMPETITION_ENTRIES_KEPT_DAYS = 90
    old = make_competition("old", opens_in=-200, closes_in=-150, results_in=-120)
    recent = make_competition("recent", opens_in=-100, closes_in=-50, results_in=-20)
    member = juror("j", old)  # before the results: saving a page object writes all its fields
    CompetitionPage.objects.filter(pk=old.pk).update(results_published_at=timezone.now() - datetime.timedelta(91))
    CompetitionPage.objects.filter(pk=recent.pk).update(results_published_at=timezone.now() - datetime.timedelta(20))
    gone = make_entry(old, "Удаляется")
    stored = EntryFile.objects.create(
        entry=gone, file=ContentFile(b"%PDF-1.4", name="a.pdf"), original_name="a", size=8
    )
    path = Path(stored.file.path)
    winner = make_entry(old, "В копилке", result="winner", description="Описание", best_practice_id=None)
    Entry.objects.filter(pk=winner.pk).update(best_practice=make_practice_stub(old))
    Score.objects.create(entry=winner, juror=member, points=80)
    demo = make_entry(old, "Демонстрация", is_demonstration=True)
    fresh = make_entry(recent, "Свежая")
    out = io.StringIO()
    call_command("forget_competition_entries", stdout=out)
    assert "1 competition entr(y/ies) deleted, 1" in out.getvalue()
    assert set(Entry.objects.values_list("pk", flat=True)) == {winner.pk, demo.pk, fresh.pk}
    assert not path.exists()
    winner.refresh_from_db()
    assert (winner.participant_last_name, winner.grade, winner.description, winner.published_name()) == (
        "К",
        None,
        "",
        "Мария К.",
    )
    assert not winner.scores.exists() and winner.personal_data_erased
    call_command("forget_competition_entries", stdout=io.StringIO())
    assert Entry.objects.count() == 3


def make_practice_stub(competition):
    """A best practice page for the winner to point at (its content does not matter here)."""
    from methodics.models import BestPracticeIndexPage, BestPracticePage, MethodicsIndexPage

    home = competition.get_parent().get_parent()
    methodics = home.add_child(instance=MethodicsIndexPage(title="Копилка", slug="kopilka"))
    practices = methodics.add_child(instance=BestPracticeIndexPage(title="Практики", slug="praktiki"))
    return practices.add_child(
        instance=BestPracticePage(title="В копилке", slug="v-kopilke", organisation="Школа", year=2026)
    )
