"""Online entries: a teacher for a student, a student for themselves; the form refuses bad files, the wrong dates and
a missing consent; «Мои заявки» shows one's own entries only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from competitions import entries
from competitions.models import Entry

from .conftest import make_entry

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def form_data(competition, **changes):
    data = {
        "nomination": competition.nominations.first().pk,
        "participant_last_name": "Котова",
        "participant_first_name": "Мария",
        "grade": "9",
        "school": "МБОУ СОШ № 3",
        "title": "Моя профессия — мой край",
        "description": "Эссе о профессии судостроителя.",
        "parent_consent": "on",
        "consent": "on",
        "file_1": SimpleUploadedFile("esse.pdf", PDF, content_type="application/pdf"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def enter_url(competition):
    return competition.url + "podat-zaiavku/"


def test_a_teacher_enters_a_students_work_with_a_file(client, open_competition, teacher):
    client.force_login(teacher())
    assert client.get(enter_url(open_competition)).status_code == 200
    response = client.post(enter_url(open_competition), form_data(open_competition))
    assert response.status_code == 302
    assert response["Location"] == "/konkursy/moi-zaiavki/?sent=1"
    entry = Entry.objects.get()
    assert (entry.participant, entry.grade, entry.school, entry.published_name()) == (
        "student",
        9,
        "МБОУ СОШ № 3",
        "Мария К.",
    )
    assert entry.district.slug == "bikinskii" and len(entry.consent_digest) == 64
    stored = entry.files.get()
    assert stored.original_name == "esse.pdf" and stored.file.read() == PDF
    assert stored.file.storage.location == str(stored.file.storage.location)  # the private storage
    mine = client.get("/konkursy/moi-zaiavki/").content.decode()
    assert "Моя профессия — мой край" in mine and 'data-status="submitted"' in mine


def test_a_student_enters_their_own_work(client, open_competition, student):
    client.force_login(student)
    data = form_data(open_competition, grade=None, parent_consent=None, participant_last_name="Петрова")
    data["participant_first_name"] = "Анна"
    response = client.post(enter_url(open_competition), data)
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.participant, entry.grade, entry.entrant) == ("student", None, student)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"file_1": SimpleUploadedFile("esse.pdf", b"just some text, not a PDF at all")}, "file_1"),
        ({"file_1": SimpleUploadedFile("run.exe", b"MZ\x90\x00")}, "file_1"),
        ({"file_1": None}, "file_1"),
        ({"consent": None}, "consent"),
        ({"parent_consent": None}, "parent_consent"),
        ({"grade": "5"}, "grade"),
        ({"nomination": "999999"}, "nomination"),
        ({"title": ""}, "title"),
    ],
)
def test_the_form_refuses_bad_input_naming_the_field(client, open_competition, teacher, changes, field):
    client.force_login(teacher())
    response = client.post(enter_url(open_competition), form_data(open_competition, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'href="#id_{field}"' in response.content.decode()
    assert not Entry.objects.exists()


def test_a_file_too_big_is_refused_with_the_limit(client, open_competition, teacher, monkeypatch):
    monkeypatch.setattr(entries, "MAX_BYTES", 10)
    client.force_login(teacher())
    response = client.post(enter_url(open_competition), form_data(open_competition))
    assert response.status_code == 400
    assert "10\xa0" in str(response.context["form"].errors["file_1"])  # the limit, in the message


@pytest.mark.parametrize(("opens_in", "closes_in"), [(3, 10), (-20, -1)])
def test_no_entries_outside_the_dates(client, make_competition, teacher, opens_in, closes_in):
    competition = make_competition("closed", opens_in=opens_in, closes_in=closes_in)
    client.force_login(teacher())
    page = client.get(enter_url(competition))
    assert page.status_code == 200 and page.context["form"] is None
    assert client.post(enter_url(competition), form_data(competition)).status_code == 403
    assert not Entry.objects.exists()


def test_who_may_enter(client, make_competition, teacher, student):
    for_teachers = make_competition("for-teachers", audience="teachers", grades=None)
    client.force_login(student)
    assert client.get(enter_url(for_teachers)).context["entrant"] is None
    client.force_login(teacher("unapproved", status="confirmed"))
    assert client.get(enter_url(for_teachers)).context["entrant"] is None
    client.logout()
    assert client.get(enter_url(for_teachers))["Location"].startswith("/_util/login/")  # sign in first


def test_a_teacher_enters_their_own_work_where_teachers_compete(client, make_competition, teacher):
    competition = make_competition("for-teachers", audience="teachers", grades=None)
    client.force_login(teacher())
    data = form_data(competition, grade=None, parent_consent=None)
    assert client.post(enter_url(competition), data).status_code == 302
    assert Entry.objects.get().participant == "teacher"


def test_my_entries_shows_only_ones_own_with_their_status(client, open_competition, teacher):
    mine, other = teacher("mine"), teacher("other")
    make_entry(open_competition, "Моя работа", entrant=mine, status="rejected", rejection_reason="Не та номинация")
    make_entry(open_competition, "Чужая работа", entrant=other)
    client.force_login(mine)
    html = client.get("/konkursy/moi-zaiavki/").content.decode()
    assert "Моя работа" in html and "Не та номинация" in html and 'data-status="rejected"' in html
    assert "Чужая работа" not in html


def test_entries_are_limited_per_address(client, open_competition, teacher, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "competition-entry": "1/h"}
    client.force_login(teacher())
    assert client.post(enter_url(open_competition), form_data(open_competition)).status_code == 302
    assert client.post(enter_url(open_competition), form_data(open_competition)).status_code == 429
