"""The competitions in Debian's Chromium, on the seeded site: axe finds nothing on the list, a competition's page
(with its entry button), last year's results, the entry form (with its errors too) and «Мои заявки», in the standard
version and every colour scheme; they reflow at 320 px; a teacher enters a student's work with a file using the
keyboard alone."""

import pytest

from competitions.models import Entry
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, tab_until, violations
from tests.test_accessibility import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
INDEX = "/konkursy/"
OPEN = INDEX + "professii-moei-semi/"
RESULTS = INDEX + "professii-moei-semi-proshlyi-god/"
FORM = OPEN + "podat-zaiavku/"
MINE = INDEX + "moi-zaiavki/"
USERNAME, PASSWORD = "uchitel-konkurs", "Uchitel-Konkurs-2026"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def teacher(site_server, django_db_blocker, settings, tmp_path):
    """An approved teacher's account at a school of a seeded district."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from atlas.models import MunicipalDistrict
    from portal.groups import teachers_group
    from teachers.models import TeacherRequest

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(USERNAME, f"{USERNAME}@school.example.ru", PASSWORD)
        user.groups.add(teachers_group())
        TeacherRequest.objects.create(
            account=user,
            full_name="Иванова Ольга Петровна",
            school="МБОУ СОШ № 7",
            district=MunicipalDistrict.objects.in_default_locale().order_by("pk").first(),
            email=user.email,
            language="ru",
            status="approved",
            consent_at=timezone.now(),
        )
    return user


def sign_in(page, site, next_url):
    page.goto(site + "/_util/login/?next=" + next_url)
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    assert page.url.endswith(next_url)


def test_axe_finds_nothing_on_the_competitions_in_any_scheme_and_they_reflow(page, site, teacher):
    sign_in(page, site, FORM)
    with page.expect_navigation():
        page.click("form.account-form button[type=submit]")  # nothing filled in: every field's error
    assert page.locator(".field__error").count() >= 4
    problems = [format_violations("entry form with errors", found)] if (found := violations(page)) else []
    problems += axe_problems_in_every_scheme(page, site, (INDEX, OPEN, RESULTS, FORM, MINE))
    assert_reflows_at_320(page, site, (INDEX, OPEN, FORM))
    assert not problems, "\n".join(problems)


def test_a_teacher_enters_a_students_work_with_the_keyboard_alone(page, site, teacher, tmp_path, django_db_blocker):
    work = tmp_path / "risunok.pdf"
    work.write_bytes(PDF)
    sign_in(page, site, OPEN)
    page.focus("h1")
    tab_until(page, "document.activeElement.getAttribute('href')", FORM)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_until(page, "document.activeElement.id", "id_participant_last_name")
    page.keyboard.type("Котова")
    page.keyboard.press("Tab")
    page.keyboard.type("Мария")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # «Выберите класс», then grade 1
    page.keyboard.press("ArrowDown")  # grade 2
    tab_until(page, "document.activeElement.id", "id_nomination")
    page.keyboard.press("ArrowDown")  # the first nomination
    page.keyboard.press("Tab")
    page.keyboard.type("Мой папа — пожарный")
    tab_until(page, "document.activeElement.id", "id_file_1")
    page.set_input_files("#id_file_1", str(work))  # the focused file input: the system dialog is not the page's
    tab_until(page, "document.activeElement.id", "id_parent_consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(MINE + "?sent=1")
    assert "Мой папа — пожарный" in page.inner_text("table")
    problems = [format_violations("my entries", found)] if (found := violations(page)) else []
    with django_db_blocker.unblock():
        entry = Entry.objects.get(title="Мой папа — пожарный", entrant__username=USERNAME)
        assert (entry.grade, entry.school, entry.published_name(), entry.files.get().original_name) == (
            2,
            "МБОУ СОШ № 7",
            "Мария К.",
            "risunok.pdf",
        )
    assert not problems, "\n".join(problems)
