"""The catalogue of courses in Debian's Chromium, on the seeded site: axe finds nothing on the catalogue, the past
courses, a course's page (for a visitor and for a signed-in teacher) and «Мои курсы», in the standard version and every
colour scheme; they reflow at 320 px; an approved teacher enrols with the keyboard alone."""

import pytest

from courses.models import Course, Enrolment, EnrolmentStatus
from tests.account_request_pages import assert_reflows_at_320, axe_problems_in_every_scheme, tab_until, violations
from tests.test_accessibility import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
CATALOGUE = "/kursy/"
PASSWORD = "Uchitel-Kursy-2026"


@pytest.fixture
def open_course(site_server, django_db_blocker):
    """A seeded course that takes enrolments now, and an approved teacher's account."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from atlas.models import MunicipalDistrict
    from portal.account_requests import RequestStatus
    from portal.groups import teachers_group
    from teachers.models import TeacherRequest

    with django_db_blocker.unblock():
        course = next(
            course
            for course in Course.objects.with_taken().upcoming()
            if course.takes_enrolments() and course.places_left() != 0
        )
        user = get_user_model().objects.create_user("uchitel-kursy", "kursy@school.example.ru", PASSWORD)
        user.groups.add(teachers_group())
        TeacherRequest.objects.create(
            account=user,
            full_name="Иванова Ольга Петровна",
            school="МБОУ СОШ № 5",
            district=MunicipalDistrict.objects.in_default_locale().first(),
            email=user.email,
            language="ru",
            status=RequestStatus.APPROVED,
            consent_at=timezone.now(),
        )
        return course


def sign_in(page, site, next_url):
    page.goto(site + "/_util/login/?next=" + next_url)
    page.fill("#id_username", "uchitel-kursy")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    assert page.url.endswith(next_url)


def test_axe_finds_nothing_on_the_catalogue_in_any_scheme_and_it_reflows(page, site, open_course):
    course_url = f"{CATALOGUE}{open_course.pk}/"
    urls = (CATALOGUE, CATALOGUE + "proshedshie/", course_url, CATALOGUE + "?audience=robots", "/en/courses/")
    problems = axe_problems_in_every_scheme(page, site, urls)
    assert_reflows_at_320(page, site, (CATALOGUE, course_url))
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, site, course_url)
    problems += axe_problems_in_every_scheme(page, site, (course_url, CATALOGUE + "moi-kursy/"))
    assert not problems, "\n".join(problems)


def test_an_approved_teacher_enrols_with_the_keyboard_alone(page, site, open_course, django_db_blocker):
    sign_in(page, site, CATALOGUE)
    page.focus("h1")
    tab_until(page, "document.activeElement.textContent.trim()", open_course.title_ru)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_until(
        page, "document.activeElement.tagName + ' ' + document.activeElement.textContent.trim()", "BUTTON Записаться"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Вы записаны" in page.inner_text("#enrolment [role=status]")
    problems = [format_violations("enrolled", found)] if (found := violations(page)) else []
    with django_db_blocker.unblock():
        enrolment = Enrolment.objects.get(teacher__username="uchitel-kursy")
        assert (enrolment.course_id, enrolment.status, enrolment.school) == (
            open_course.pk,
            EnrolmentStatus.ENROLLED,
            "МБОУ СОШ № 5",
        )
    assert not problems, "\n".join(problems)
