"""Open days belong to the organisation (edited in its snippet editor) and are read in every language through
the default-language row; the migration that moved them there from the handbook page."""

import datetime
from pathlib import Path

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from atlas.factories import OrganisationFactory
from atlas.models import EducationalOrganization, OpenDay
from portal.tests.helpers import run_scenario


@pytest.mark.sqlite_scenario
def test_the_migration_moves_the_handbooks_open_days_to_their_organisations(tmp_path):
    result = run_scenario(
        Path(__file__).with_name("open_days_migration_scenario.py"), tmp_path / "db.sqlite3", migrated=False
    )
    assert result["college"] == [["2026-03-14", "Главный корпус"], ["2026-04-18", "Онлайн"]]
    assert result["college_en"] == []  # moved to the default-language row
    assert result["university"] == [["2026-02-01", ""]]
    assert result["count"] == 3  # the day repeated on the translation is kept once


def test_open_days_are_the_default_language_rows_for_every_language(db):
    college = OrganisationFactory(name="Авиационный колледж")
    day = OpenDay.objects.create(organisation=college, date=datetime.date(2026, 3, 14), place="Главный корпус")
    english = college.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save()
    assert not english.open_days.exists()  # a translation does not copy them
    OpenDay.objects.create(organisation=english, date=datetime.date(2026, 5, 1))  # not the default row: not read
    assert OpenDay.of([english]) == OpenDay.of([college]) == {college.translation_key: [day]}
    assert OpenDay.of([english], date__gte=datetime.date(2026, 4, 1)) == {}


def test_editor_adds_an_open_day_in_the_organisations_editor(admin_client, db):
    college = OrganisationFactory(name="Авиационный колледж", slug="aviacionnyi-kolledzh")
    url = f"/admin/snippets/atlas/educationalorganization/edit/{college.pk}/"
    assert 'id="id_open_days-TOTAL_FORMS"' in admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        nested_form_data(
            {
                "name": college.name,
                "short_name": "",
                "slug": college.slug,
                "kind": "spo",
                "district": "",
                "city": "",
                "address": "",
                "website": "",
                "accessibility": "",
                "open_days": inline_formset([{"date": "2026-03-14", "time": "10:00", "place": "Главный корпус"}]),
                "confidence": "high",
                "source": "",
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    day = EducationalOrganization.objects.get(pk=college.pk).open_days.get()
    assert (day.date, day.time, day.place) == (datetime.date(2026, 3, 14), datetime.time(10), "Главный корпус")
