"""Students' accounts as a student opens and uses one."""

import datetime

import pytest

from portal.tests.helpers import request_confirmer, request_sender

REGISTER = "/studentam/registratsiya/"
CABINET = "/studentam/kabinet/"
PASSWORD = "Student-Amur-2026"


@pytest.fixture
def student_data(db):
    """The form's fields for a valid account (a student of 19), with any changed by keyword."""

    def data(**changed):
        return {
            "full_name": "Иванов Пётр Сергеевич",
            "birth_date": "2007-03-05",
            "occupation": "college",
            "email": "ivanov.petr@student.example.ru",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent": "on",
            **changed,
        }

    return data


@pytest.fixture
def registered(client, site_tree, student_data):
    """``registered(**changed)``: posts the form and returns the StudentAccount and its confirmation link."""
    from resumes.models import StudentAccount

    return request_sender(client, REGISTER, student_data, StudentAccount)


@pytest.fixture
def confirmed(client, registered):
    return request_confirmer(client, registered)


@pytest.fixture
def signed_in(client, confirmed):
    """A confirmed student, signed in."""
    student = confirmed()
    client.force_login(student.account)
    return student


def years_ago(years, days=0):
    today = datetime.date.today()
    return (today.replace(year=today.year - years) - datetime.timedelta(days=days)).isoformat()
