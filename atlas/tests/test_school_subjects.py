"""School subjects as translatable snippets: the migration kept the rows, the English site names them in English
and marks the ones without a translation, editors edit them in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from atlas.models import ProfessionPage, SchoolSubject
from atlas.subjects import SCHOOL_SUBJECTS, ensure_subject_translations

pytestmark = pytest.mark.django_db


def test_the_migration_left_the_fourteen_subjects_in_the_default_locale():
    subjects = SchoolSubject.objects.filter(locale__language_code="ru")
    assert sorted(subjects.values_list("code", "name")) == sorted((code, ru) for code, ru, _en in SCHOOL_SUBJECTS)
    # The migration made them in the order of the list, and the rows it kept are those: their keys run in order.
    assert [s.code for s in subjects.order_by("pk")] == [code for code, _ru, _en in SCHOOL_SUBJECTS]
    assert len({s.translation_key for s in subjects}) == len(SCHOOL_SUBJECTS)


@pytest.fixture
def english_card(catalogue):
    """The welder's card in English, resting on physics (translated) and drawing (not translated)."""
    ru, en = Locale.objects.get(language_code="ru"), Locale.objects.get(language_code="en")
    originals = SchoolSubject.objects.filter(locale=ru)
    assert ensure_subject_translations(originals, en) == len(SCHOOL_SUBJECTS)
    drawing = SchoolSubject.objects.create(locale=ru, code="drawing", name="Черчение")
    welder = catalogue["welder"]
    welder.school_subjects.set([originals.get(code="physics"), drawing])
    welder.save_revision().publish()
    english = welder.copy_for_translation(en, copy_parents=True)
    english.title = "Welder"
    english.save_revision().publish()
    return english


def test_the_english_card_names_the_subjects_in_english_and_marks_the_fallback(client, english_card):
    html = client.get(english_card.url).content.decode()
    assert "<li>Physics</li>" in html
    assert '<li lang="ru">Черчение</li>' in html
    assert "Физика" not in html


def test_the_english_card_data_names_the_subjects_in_english(english_card):
    with translation.override("en"):
        card = english_card.card_context(None)
    assert [s.name for s in card["subjects"]] == ["Physics", "Черчение"]


def test_the_english_card_costs_one_query_more_for_its_subjects_whatever_their_number(english_card):
    def card_queries(language):
        card = ProfessionPage.objects.get(pk=english_card.pk)
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            card.card_context(None)
        return len(queries)

    in_russian, in_english = card_queries("ru"), card_queries("en")
    assert in_english == in_russian + 1
    english_card.school_subjects.set(SchoolSubject.objects.filter(locale__language_code="ru"))
    english_card.save()
    assert card_queries("en") == in_english


def test_the_admin_lists_the_subjects_and_saves_an_edit(admin_client):
    physics = SchoolSubject.objects.get(locale__language_code="ru", code="physics")
    listing = admin_client.get(reverse("wagtailsnippets_atlas_schoolsubject:list"))
    assert listing.status_code == 200 and "Физика" in listing.content.decode()
    edit = reverse("wagtailsnippets_atlas_schoolsubject:edit", args=[physics.pk])
    assert admin_client.get(edit).status_code == 200
    response = admin_client.post(edit, {"code": "physics", "name": "Физика и астрономия"})
    assert response.status_code == 302
    physics.refresh_from_db()
    assert physics.name == "Физика и астрономия"


def test_a_code_is_unique_in_a_locale_only(admin_client):
    physics = SchoolSubject.objects.get(locale__language_code="ru", code="physics")
    english = physics.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.name = "Physics"
    english.save()  # the same code in another locale
    response = admin_client.post(
        reverse("wagtailsnippets_atlas_schoolsubject:add"), {"code": "physics", "name": "Физика-2"}
    )
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].non_field_errors()
    assert SchoolSubject.objects.filter(code="physics").count() == 2
