"""The public catalogue: the list and its filters (never a 500 on a malformed value), a course's page, enrolling and
withdrawing through the pages, «Мои курсы», and the list's constant query count."""

import datetime
import re

import pytest
from django.utils import timezone

from courses.models import CourseFormat, Enrolment, EnrolmentStatus
from portal.tests.helpers import assert_few_constant_queries

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', response.content.decode())


def test_the_catalogue_lists_courses_ahead_and_the_past_ones_apart(client, catalogue, make_course):
    today = timezone.localdate()
    make_course("Скоро", starts_on=today + datetime.timedelta(days=5))
    make_course("Позже", starts_on=today + datetime.timedelta(days=50))
    make_course("Идёт сейчас", starts_on=today - datetime.timedelta(days=3))
    make_course("Прошёл", starts_on=today - datetime.timedelta(days=60))
    assert titles(client.get(catalogue.url)) == ["Идёт сейчас", "Скоро", "Позже"]
    assert titles(client.get(catalogue.url + "proshedshie/")) == ["Прошёл"]


def test_filters_by_audience_and_form_and_garbage_gives_the_forms_message(client, catalogue, make_course):
    make_course("Для психологов", for_teachers=False, for_psychologists=True, format=CourseFormat.IN_PERSON)
    make_course("Для навигаторов", for_navigators=True, format=CourseFormat.DISTANCE)
    assert titles(client.get(catalogue.url + "?audience=psychologists")) == ["Для психологов"]
    assert titles(client.get(catalogue.url + "?audience=teachers&format=distance")) == ["Для навигаторов"]
    for query in ("?audience=%3Cscript%3E", "?format=zzz&audience=", "?audience=1&format=" + "x" * 5000, "?page=-1"):
        response = client.get(catalogue.url + query)
        assert response.status_code == 200, query
    garbage = client.get(catalogue.url + "?audience=robots&format=distance").content.decode()
    assert "Такой категории в каталоге нет" in garbage
    assert "Для навигаторов" in garbage and "Для психологов" not in garbage  # the valid filter still applies


def test_a_courses_page_has_its_facts_and_an_unknown_one_is_a_404(client, catalogue, make_course, districts):
    course = make_course("Профминимум", places=20, district=districts["vanino"], is_demonstration=True)
    page = client.get(f"{catalogue.url}{course.pk}/").content.decode()
    assert "Профминимум" in page and "Ванинский муниципальный район" in page and "ХК ИРО" in page
    assert "20 из 20" in page and "демонстрационная запись" in page
    assert (
        "Войти, чтобы записаться" in page and "/pedagogam/registratsiia/" in page and "csrfmiddlewaretoken" not in page
    )
    assert client.get(f"{catalogue.url}99999/").status_code == 404
    assert client.get(f"{catalogue.url}abc/").status_code == 404
    assert client.get(f"{catalogue.url}{'9' * 30}/").status_code == 404


def test_a_teacher_enrols_sees_it_in_my_courses_and_withdraws(client, catalogue, make_course, teacher):
    course = make_course("Педагог-навигатор", places=2)
    client.force_login(teacher("petrova"))
    url = f"{catalogue.url}{course.pk}/"
    assert "csrfmiddlewaretoken" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith("?enrolled=1#enrolment")
    page = client.get(response["Location"]).content.decode()
    assert "Вы записаны" in page and "1 из 2" in page
    assert client.post(url).status_code == 400  # a second time: «already enrolled» on the page
    mine = client.get(catalogue.url + "moi-kursy/").content.decode()
    assert "Педагог-навигатор" in mine and "Отказаться от места" in mine
    enrolment = Enrolment.objects.get()
    response = client.post(f"{catalogue.url}moi-kursy/{enrolment.pk}/otkaz/")
    assert response["Location"].endswith("?withdrawn=1")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN


def test_others_cannot_enrol_or_withdraw_someone_elses_place(client, catalogue, make_course, teacher):
    from django.contrib.auth import get_user_model

    course = make_course()
    url = f"{catalogue.url}{course.pk}/"
    enrolment = Enrolment.objects.create(course=course, teacher=teacher("petrova"), full_name="Петрова")
    assert client.get(catalogue.url + "moi-kursy/").status_code == 302  # to the sign-in page
    outsider = get_user_model().objects.create_user("gost", "gost@example.ru", "Gost-pass-2026")
    client.force_login(outsider)
    response = client.post(url)
    assert response.status_code == 403 and "Запросить учётную запись педагога" in response.content.decode()
    assert client.post(f"{catalogue.url}moi-kursy/{enrolment.pk}/otkaz/").status_code == 404
    client.force_login(teacher("ivanova"))
    assert client.post(f"{catalogue.url}moi-kursy/{enrolment.pk}/otkaz/").status_code == 404
    assert client.get(f"{catalogue.url}moi-kursy/{enrolment.pk}/otkaz/").status_code == 405
    assert client.post(f"{catalogue.url}moi-kursy/{'9' * 30}/otkaz/").status_code == 404
    assert Enrolment.objects.get().status == EnrolmentStatus.ENROLLED


def test_the_lists_cost_the_same_queries_for_2_and_8_courses(client, catalogue, make_course, districts, teacher):
    today = timezone.localdate()

    def courses(count, offset):
        for number in range(count):
            course = make_course(
                f"Курс {offset + number}",
                places=10,
                district=districts["amursk" if number % 2 else "vanino"],
                starts_on=today + datetime.timedelta(days=(-60 if number % 3 == 0 else 5) + number),
            )
            Enrolment.objects.create(course=course, teacher=teacher(f"t{offset + number}"), full_name="Т")

    courses(2, 0)
    counts = assert_few_constant_queries(
        client,
        [catalogue.url, catalogue.url + "proshedshie/", catalogue.url + "?format=distance"],
        lambda: courses(6, 2),
    )
    assert len(titles(client.get(catalogue.url))) + len(titles(client.get(catalogue.url + "proshedshie/"))) == 8
    print("queries:", counts)


def test_the_english_catalogue_shows_english_titles_where_written_and_marks_russian_ones(
    client, catalogue, make_course
):
    from wagtail.models import Locale

    make_course("Только по-русски")
    course = make_course("Профминимум", title_en="The career guidance minimum")
    english = catalogue.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    listing = client.get(english.url).content.decode()
    assert ">The career guidance minimum</a>" in listing
    assert 'lang="ru">Только по-русски</a>' in listing
    assert "The career guidance minimum" in client.get(f"{english.url}{course.pk}/").content.decode()


def test_a_course_closed_to_enrolment_says_so_to_everyone(client, catalogue, make_course, teacher):
    """Enrolment ended before the course began: nobody is offered to sign in or enrol for it."""
    today = timezone.localdate()
    running = make_course("Идёт сейчас", starts_on=today - datetime.timedelta(days=3))
    full = make_course("Полный", places=0)
    for account in (None, teacher("petrova")):
        if account:
            client.force_login(account)
        page = client.get(f"{catalogue.url}{running.pk}/").content.decode()
        assert "Запись на этот курс закрыта." in page
        assert "Войти, чтобы записаться" not in page and 'name="csrfmiddlewaretoken"' not in page
        assert "Все места на этом курсе заняты." in client.get(f"{catalogue.url}{full.pk}/").content.decode()
