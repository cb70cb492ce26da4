"""How long entries are kept (152-ФЗ): COMPETITION_ENTRIES_KEPT_DAYS after the competition's results are published
(COMPETITION_ENTRIES_MAX_DAYS after entries closed when none ever were), then deleted with their files and scores by
the daily ``manage.py forget_competition_entries``. A winning work taken into the best practices stays as the
practice shows it: the title, the name as published («Имя Ф.»: the surname cut to its initial), the school, the
nomination, the result and the files; the grade, the description, the link to the account and the scores go.
Demonstration entries of the seed are nobody's data and stay."""

from django.db import transaction

from .models import Entry


@transaction.atomic
def forget_unneeded(now=None):
    """Delete or cut down the entries past their keeping time; returns (deleted, cut down)."""
    past = Entry.objects.past_keeping(now).filter(is_demonstration=False)
    kept = list(past.filter(best_practice__isnull=False, personal_data_erased=False))
    for entry in kept:
        entry.participant_last_name = entry.participant_last_name[:1]
        entry.grade = None
        entry.description = ""
        entry.entrant = None
        entry.personal_data_erased = True
        entry.save(update_fields=["participant_last_name", "grade", "description", "entrant", "personal_data_erased"])
        entry.scores.all().delete()
    gone = list(past.filter(best_practice__isnull=True))
    for entry in gone:
        entry.delete()  # its files leave the disk with their rows (portal.private_media.delete_stored_file)
    return len(gone), len(kept)
