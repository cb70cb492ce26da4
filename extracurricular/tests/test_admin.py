"""Editors keep the programmes in the admin: the list, and the form that refuses ages out of order with a message."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from extracurricular.models import ExtracurricularProgramme
from extracurricular.models.programmes import NAVIGATOR_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, districts):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "redaktor@example.ru", "x"))
    return client


def form(districts, **fields):
    return {
        "title_ru": "Шахматы",
        "title_en": "Chess",
        "organisation": "Дом детского творчества",
        "district": districts["amur"].pk,
        "direction": "sports",
        "age_from": 7,
        "age_to": 12,
        "cost": "free",
        "schedule": "вт, чт 15:00–16:30",
        "summary": "Турниры района.",
        "enrol_url": NAVIGATOR_URL,
        **fields,
    }


def test_an_editor_adds_a_programme_and_bad_ages_are_refused(editor_client, districts):
    add = reverse("extracurricularprogramme:add")
    refused = editor_client.post(add, form(districts, age_from=12, age_to=9))
    assert refused.status_code == 200 and not ExtracurricularProgramme.objects.exists()
    assert list(refused.context["form"].errors) == ["age_to"]
    assert editor_client.post(add, form(districts)).status_code == 302
    programme = ExtracurricularProgramme.objects.get()
    assert (programme.title_en, programme.age_from, programme.age_to) == ("Chess", 7, 12)
    listing = editor_client.get(reverse("extracurricularprogramme:index")).content.decode()
    assert "Шахматы" in listing
