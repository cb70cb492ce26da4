"""The navigator and the page cache: the editions and the handbook are stored for anonymous visitors; a profession
renamed in the atlas refreshes the editions that list it, an open day written on its own refreshes the handbook."""

import datetime

import pytest
from django.test import Client

from atlas.models import OpenDay
from portal.page_cache import HEADER
from portal.tests.helpers import served_twice

pytestmark = pytest.mark.usefixtures("page_cache")


def fresh(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), response[HEADER]


def test_the_guides_are_hits_without_sql(client, guides):
    for name in ("index", "new", "old", "equal", "handbook"):
        served_twice(client, guides[name].url)


def test_a_profession_renamed_in_the_atlas_refreshes_the_editions(client, guides, django_capture_on_commit_callbacks):
    served_twice(client, guides["new"].url)
    turner = guides["turner"]
    turner.title = "Токарь-универсал"
    with django_capture_on_commit_callbacks(execute=True):
        turner.save_revision().publish()
    html, source = fresh(guides["new"].url)
    assert source == "miss" and "Токарь-универсал" in html


def test_an_open_day_written_on_its_own_refreshes_the_handbook(client, guides, django_capture_on_commit_callbacks):
    served_twice(client, guides["handbook"].url)
    with django_capture_on_commit_callbacks(execute=True):
        OpenDay.objects.create(organisation=guides["college"], date=datetime.date(2026, 4, 18), place="Онлайн")
    html, source = fresh(guides["handbook"].url)
    assert source == "miss" and "18 апреля 2026" in html
