"""Requests for organisation accounts, as a visitor sends them."""

import pytest
from django.contrib.auth import get_user_model

from portal.tests.helpers import request_confirmer, request_sender

REGISTER = "/organizatsiiam/registratsiia/"
# Valid ИНН for tests, computed with the Federal Tax Service's checksum (partners.tests.test_inn shows the digits):
# 1234567894 (10 digits, an organisation) and 123456789047 (12 digits, an individual entrepreneur).
VALID_INN_10, VALID_INN_12 = "1234567894", "123456789047"
PASSWORD = "Kolokol-Amur-2026"


@pytest.fixture
def request_data():
    """The form's fields for a valid request, with any changed by keyword."""

    def data(**changed):
        return {
            "organisation": "",
            "new_name": "ООО «Амурский судостроитель»",
            "inn": VALID_INN_10,
            "contact_name": "Иванова Мария Петровна",
            "contact_position": "Начальник отдела кадров",
            "email": "kadry@amur-sudostroitel.example.ru",
            "phone": "+7 4212 00-00-00",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent": "on",
            **changed,
        }

    return data


@pytest.fixture
def registered(client, site_tree, request_data):
    """``registered(**changed)``: sends a request and returns its Organisation and the confirmation link."""
    from partners.models import Organisation

    return request_sender(client, REGISTER, request_data, Organisation)


@pytest.fixture
def confirmed(client, registered):
    """``confirmed(**changed)``: a request whose address is confirmed."""

    return request_confirmer(client, registered)


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_superuser("redaktor", "redaktor@example.ru", "Redaktor-pass-2026")


def signs_in(client, username, password):
    """Whether the admin's sign-in form lets ``username`` in (it refuses inactive accounts)."""
    client.post("/admin/login/", {"username": username, "password": password})
    return "_auth_user_id" in client.session
