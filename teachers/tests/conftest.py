"""Teachers' account requests, as a teacher sends them and a reviewer decides them."""

import pytest
from django.contrib.auth import get_user_model

from atlas.factories import DistrictFactory
from portal.tests.helpers import request_confirmer, request_sender

REGISTER = "/pedagogam/registratsiia/"
REQUESTS = "/admin/teachers/requests/"
PASSWORD = "Uchitel-Amur-2026"


@pytest.fixture
def districts(db):
    return {
        "bikin": DistrictFactory(name="Бикинский муниципальный район", slug="bikinskii"),
        "vanino": DistrictFactory(name="Ванинский муниципальный район", slug="vaninskii"),
    }


@pytest.fixture
def request_data(districts):
    """The form's fields for a valid request, with any changed by keyword."""

    def data(**changed):
        return {
            "full_name": "Петрова Анна Сергеевна",
            "school": "МБОУ СОШ № 1 г. Бикина",
            "district": str(districts["bikin"].pk),
            "position": "учитель технологии",
            "email": "petrova@school1-bikin.example.ru",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent": "on",
            **changed,
        }

    return data


@pytest.fixture
def requested(client, site_tree, request_data):
    """``requested(**changed)``: sends a request and returns the TeacherRequest and the confirmation link."""
    from teachers.models import TeacherRequest

    return request_sender(client, REGISTER, request_data, TeacherRequest)


@pytest.fixture
def confirmed(client, requested):
    """``confirmed(**changed)``: a request whose address is confirmed."""

    return request_confirmer(client, requested)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktor", "redaktor@example.ru", "Redaktor-pass-2026")


@pytest.fixture
def coordinator_of(db):
    """``coordinator_of(*districts)``: a user (not an editor) appointed coordinator of those districts."""
    from teachers.models import Coordinator

    def make(*districts, username="koordinator"):
        user = get_user_model().objects.create_user(username, f"{username}@example.ru", "Koord-pass-2026")
        coordinator = Coordinator.objects.create(user=user)
        coordinator.districts.set(districts)
        return user

    return make


def signs_in(client, username, password):
    """Whether the site's sign-in form (/_util/login/) lets ``username`` in (it refuses closed accounts)."""
    client.post("/_util/login/", {"username": username, "password": password})
    return "_auth_user_id" in client.session
