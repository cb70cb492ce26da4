"""The admin: a juror sees, opens and scores only the entries of their own competitions (files too); those who run
competitions see them all, reject with a reason, publish the results and take the winners into the best practices."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from competitions import results
from competitions.models import Entry, EntryFile, Score
from methodics.models import BestPracticeIndexPage, BestPracticePage, MethodicsIndexPage

from .conftest import make_entry

pytestmark = pytest.mark.django_db
ENTRIES = "/admin/competitions/entries/"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def two(make_competition, juror):
    """Two competitions being judged, an entry with a file in each, and a juror for each."""
    first = make_competition("pervyi", opens_in=-30, closes_in=-1)
    second = make_competition("vtoroi", opens_in=-30, closes_in=-1)
    made = {"first": first, "second": second}
    for key, competition in made.copy().items():
        entry = make_entry(competition, f"Работа {key}")
        EntryFile.objects.create(
            entry=entry, file=ContentFile(b"%PDF-1.4\n", name="w.pdf"), original_name="w.pdf", size=9
        )
        made[f"{key}_entry"] = entry
        made[f"{key}_juror"] = juror(f"juror-{key}", competition)
    return made


@pytest.fixture
def runner(db):
    user = get_user_model().objects.create_user("editor", "editor@example.ru", "Editor-pass-2026")
    codes = ["access_admin", "view_entry", "change_entry", "run_competitions"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codes))
    return user


def test_a_juror_sees_only_their_competitions_entries_and_files(client, two):
    client.force_login(two["first_juror"])
    listing = client.get(ENTRIES).content.decode()
    assert "Работа first" in listing and "Работа second" not in listing
    own, other = two["first_entry"], two["second_entry"]
    assert client.get(f"{ENTRIES}inspect/{own.pk}/").status_code == 200
    assert client.get(f"{ENTRIES}inspect/{other.pk}/").status_code == 404
    own_file, other_file = own.files.get(), other.files.get()
    response = client.get(f"{ENTRIES}file/{own_file.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert response["Cache-Control"].startswith("private, no-store")
    assert client.get(f"{ENTRIES}file/{other_file.pk}/").status_code == 404
    assert client.get(f"{ENTRIES}edit/{own.pk}/").status_code in (302, 403)  # a juror scores, never edits


def test_a_juror_scores_once_and_another_juror_is_refused(client, two):
    entry = two["first_entry"]
    client.force_login(two["first_juror"])
    client.post(f"{ENTRIES}score/{entry.pk}/", {"points": "87", "comment": "Сильная работа"})
    client.post(f"{ENTRIES}score/{entry.pk}/", {"points": "90", "comment": ""})
    assert list(Score.objects.values_list("points", flat=True)) == [90]
    client.post(f"{ENTRIES}score/{entry.pk}/", {"points": "101"})
    assert list(Score.objects.values_list("points", flat=True)) == [90]
    client.force_login(two["second_juror"])
    assert client.post(f"{ENTRIES}score/{entry.pk}/", {"points": "10"}).status_code == 404
    assert Score.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(entry=entry, juror=two["first_juror"], points=5)


def test_those_who_run_competitions_see_all_and_reject_with_a_reason(client, two, runner):
    client.force_login(runner)
    listing = client.get(ENTRIES).content.decode()
    assert "Работа first" in listing and "Работа second" in listing
    entry = two["second_entry"]
    assert client.get(f"{ENTRIES}file/{entry.files.get().pk}/").status_code == 200
    data = {"nomination": entry.nomination_id, "status": "rejected", "rejection_reason": "", "result": ""}
    assert client.post(f"{ENTRIES}edit/{entry.pk}/", data).status_code == 200  # the form again, with the error
    data["rejection_reason"] = "Работа не по теме конкурса"
    assert client.post(f"{ENTRIES}edit/{entry.pk}/", data).status_code == 302
    assert Entry.objects.get(pk=entry.pk).status == "rejected"
    client.force_login(two["first_juror"])
    assert client.get("/admin/competitions/results/").status_code in (302, 403)


def test_results_published_show_the_winners_and_go_to_best_practices_once(client, two, runner, site_tree):
    home, _english = site_tree
    methodics = home.add_child(instance=MethodicsIndexPage(title="Методическая копилка", slug="metodicheskaya-kopilka"))
    methodics.add_child(instance=BestPracticeIndexPage(title="Лучшие практики", slug="luchshie-praktiki"))
    competition, entry = two["first"], two["first_entry"]
    Entry.objects.filter(pk=entry.pk).update(result="winner")
    make_entry(
        competition, "Вторая работа", participant_first_name="Иван", participant_last_name="Петров", result="prize"
    )
    make_entry(competition, "Без места", participant_first_name="Олег", participant_last_name="Смирнов")
    make_entry(
        competition,
        "С полным именем",
        participant_first_name="Анна",
        participant_last_name="Белова",
        result="prize",
        full_name_agreed=True,
        nomination=competition.nominations.last(),
    )
    assert "Results" not in client.get(competition.url).content.decode()
    client.force_login(runner)
    client.post(f"/admin/competitions/results/publish/{competition.pk}/")
    competition.refresh_from_db()
    assert competition.results_published_at is not None
    html = client.get(competition.url).content.decode()
    assert "Мария К., МБОУ СОШ № 3" in html and "Иван П., МБОУ СОШ № 3" in html
    assert "Котова" not in html and "Олег" not in html
    for _twice in range(2):
        client.post(f"/admin/competitions/results/best-practices/{competition.pk}/")
    drafts = BestPracticePage.objects.all()
    assert "Анна Белова, МБОУ СОШ № 3" in html  # the full name, as the entrant agreed
    assert sorted(drafts.values_list("title", flat=True)) == ["Вторая работа", "Работа first", "С полным именем"]
    assert not any(draft.live for draft in drafts)
    assert Entry.objects.filter(best_practice__isnull=False).count() == 3
    assert results.add_to_best_practices(competition) == []
    mine = Entry.objects.get(pk=entry.pk)
    assert mine.shown_status()[0] == "winner"


def test_results_wait_for_entries_to_close(make_competition):
    competition = make_competition("ongoing")
    assert not results.can_publish(competition, timezone.localdate())
