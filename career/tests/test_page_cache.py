"""The career builder and the page cache: its start page is everyone's and cached; a student's or a class's pages
are nobody else's: never stored, and marked so for every cache on the way (``private, no-store``)."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from portal.page_cache import HEADER
from portal.tests.helpers import not_cached, served_twice

from .conftest import answers_for

pytestmark = pytest.mark.usefixtures("page_cache")

BASE = "/konstruktor-karery/"


def test_the_start_page_and_the_first_question_are_cached(client, career):
    served_twice(client, BASE)
    served_twice(client, BASE + "oprosnik/")


def test_results_comparison_and_route_are_personal(client, career):
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9}
    token = parse_qs(urlparse(client.post(BASE + "o-sebe/", data)["Location"]).query)["t"][0]
    for route in ("rezultat/", "sravnenie/", "marshrut/"):
        response = not_cached(client, f"{BASE}{route}?t={token}")
        assert response.status_code == 200 or route != "rezultat/"  # the other two ask for professions chosen
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}, route
    about = client.get(BASE + "o-sebe/", {"version": "plain", "answers": data["answers"]})
    assert HEADER not in about and "no-store" in about["Cache-Control"]


def test_a_form_with_a_csrf_token_is_not_stored(career):
    visitor = Client()
    for _ in range(2):  # the second time with the cookie: the token is still the visitor's own
        response = visitor.get(BASE + "klass/")
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert HEADER not in response and response["Cache-Control"] == "private, no-cache"
    assert HEADER not in Client().get(BASE + "klass/")  # nor does the next visitor get it
