"""The demo site's catalogue of courses (load_seed, shared with the other tests on the seeded site): six demonstration
courses of this school year with a programme each, the catalogue at /kursy/, the home page's box for teachers leading
there; every link of the catalogue answers."""

import re

import pytest

from courses.models import Course, CourseCatalogPage
from courses.seed import COURSES, Seeder
from home.models import HomePage


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site


def test_the_catalogue_has_six_demonstration_courses_with_programmes_and_the_home_page_leads_there(seeded, client):
    catalogue = CourseCatalogPage.objects.get(locale__language_code="ru")
    assert catalogue.url == "/kursy/"
    courses = Course.objects.all()
    assert courses.count() == len(COURSES) == 6
    assert all(c.is_demonstration and c.programme and c.organisers.exists() for c in courses)
    assert all(c.ends_on >= c.starts_on and c.enrolment_closes_on <= c.ends_on for c in courses)
    assert Course.objects.past().count() >= 1 and Course.objects.upcoming().count() >= 1
    home = HomePage.objects.get(locale__language_code="ru")
    box = next(entry for entry in home.audiences if entry.value["audience"] == "teachers")
    assert catalogue.pk in [link["page"].pk for link in box.value["links"] if link["page"]]
    links = set()
    for url in ("/kursy/", "/kursy/proshedshie/", *(f"/kursy/{course.pk}/" for course in courses)):
        response = client.get(url)
        assert response.status_code == 200, url
        links |= set(re.findall(r'href="(/(?:kursy|documents)/[^"#]*)"', response.content.decode()))
    for link in sorted(links):
        assert client.get(link).status_code in (200, 302), link  # «Мои курсы» sends a visitor to sign in


def test_the_seed_is_idempotent(seeded):
    before = (Course.objects.count(), CourseCatalogPage.objects.count())
    assert Seeder().run() == 0
    assert (Course.objects.count(), CourseCatalogPage.objects.count()) == before
