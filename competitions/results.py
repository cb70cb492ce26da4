"""The results: an editor sets each entry's result (winner, prize-winner) in the admin and publishes them for the
whole competition at once; the public page then shows the winners per nomination as «Имя Ф.» with the school. The
winners' works are taken into the best practices with one action: a draft BestPracticePage for each awarded entry
not taken yet, under the portal's best-practice collection, linking back to the competition (idempotent)."""

import json

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from slugify import slugify

from methodics.models import BestPracticeIndexPage, BestPracticePage
from portal import locales

from . import indicator
from .models import CompetitionPage, Entry, EntryResult, EntryStatus
from .models.entries import AWARDED


class NoBestPractices(Exception):
    """The portal has no best-practice collection to add the works to."""


def can_publish(competition, today=None):
    """Results are published once entries have closed, and only once."""
    today = today or timezone.localdate()
    return competition.results_published_at is None and today > competition.entries_close_on


@transaction.atomic
def publish(competition, now=None):
    """Publish the results of ``competition`` now; returns the number of awarded entries. Entries still «submitted»
    are accepted with it (the rejected stay rejected)."""
    now = now or timezone.now()
    CompetitionPage.objects.filter(pk=competition.pk).update(results_published_at=now)
    competition.results_published_at = now
    competition.entries.filter(status=EntryStatus.SUBMITTED).update(status=EntryStatus.ACCEPTED)
    transaction.on_commit(indicator.publish_held.enqueue)  # indicator 10 counts the competition now
    return competition.entries.filter(result__in=AWARDED).count()


def best_practice_index():
    return BestPracticeIndexPage.objects.filter(locale__language_code=locales.default_language()).first()


def practice_body(entry, competition):
    paragraphs = [
        f"<p>{escape(entry.description)}</p>" if entry.description else "",
        f'<p>Работа участника конкурса <a linktype="page" id="{competition.pk}">«{escape(competition.title)}»</a>'
        + (f", номинация «{escape(entry.nomination.title)}»" if entry.nomination else "")
        + ".</p>",
    ]
    return json.dumps([{"type": "paragraph", "value": html} for html in paragraphs if html], ensure_ascii=False)


def result_word(entry):
    """«Победитель» or «Призёр», in the portal's first language whatever the editor's."""
    with translation.override(locales.default_language()):
        return str(EntryResult(entry.result).label)


@transaction.atomic
def add_to_best_practices(competition):
    """A draft best practice for each awarded entry of ``competition`` not yet taken; returns the pages created."""
    index = best_practice_index()
    if index is None:
        raise NoBestPractices
    created = []
    awarded = (
        Entry.objects.filter(competition=competition, result__in=AWARDED, best_practice__isnull=True)
        .exclude(status=EntryStatus.REJECTED)
        .select_related("nomination")
        .order_by("pk")
    )
    for entry in awarded:
        page = BestPracticePage(
            title=entry.title,
            slug=f"{slugify(entry.title, max_length=50) or 'rabota'}-{entry.pk}",
            organisation=entry.school,
            district_id=entry.district_id,
            year=competition.results_on.year,
            competition=competition.title[:255],
            audience=competition.participants[:255],
            body=practice_body(entry, competition),
            results=f"<p>{result_word(entry)}: {escape(entry.public_name())}</p>",
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision()
        entry.best_practice = page
        entry.save(update_fields=["best_practice"])
        created.append(page)
    return created
