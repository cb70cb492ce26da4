"""Indicators and directions as translatable snippets: the English site names them in English where translated and
in Russian, marked ``lang="ru"``, where not; the figures stay with the Russian rows (a translation has no targets,
no direction, no observations), so nothing is counted twice and no page costs a query per indicator."""

import csv
import io
from pathlib import Path

import pytest
from django.forms import modelform_factory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import TranslationSource

from atlas.factories import DistrictFactory
from monitoring import facets
from monitoring.figures import Figures
from monitoring.models import Indicator, IndicatorTarget, MonitoringDirection, MonitoringReportPage, Observation
from portal.tests.helpers import assert_few_constant_queries, run_scenario

from .test_reports import data

pytestmark = pytest.mark.django_db

SHARE_EN = "Share of students who took a career diagnostic"
DIRECTION_EN = "Monitoring of preferences"


def translate(row, **words):
    translation_row = row.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in words.items():
        setattr(translation_row, name, value)
    translation_row.save()
    return translation_row


@pytest.fixture
def english(monitoring):
    """The monitoring in English: the index and the report translated; indicator 1 and its direction too, indicator
    10 (contests) not. The English report is in the search index as published, with its figures, as on the site."""
    locale = Locale.objects.get(language_code="en")
    index = monitoring["index"].copy_for_translation(locale, copy_parents=True)
    index.save_revision().publish()
    report = monitoring["report"].copy_for_translation(locale, copy_parents=True)
    report.save_revision().publish()
    monitoring["diagnostics"].share_of = "от общего количества обучающихся"
    monitoring["diagnostics"].save()
    translate(monitoring["diagnostics"], name=SHARE_EN, share_of="of all students")
    translate(monitoring["direction"], name=DIRECTION_EN)
    data(monitoring)
    report = MonitoringReportPage.objects.get(pk=report.pk)  # as published (the copy's own object is not live)
    search_index.insert_or_update_object(report)
    get_search_backend().refresh_indexes()
    return {**monitoring, "english_index": index.specific, "english_report": report}


def test_the_english_report_names_translated_indicators_in_english_and_marks_the_others(client, english):
    html = client.get(english["english_report"].url).content.decode()
    assert f"1. <span>{SHARE_EN}</span></h2>" in html
    assert '10. <span lang="ru">Количество конкурсов</span></h2>' in html
    assert "Доля прошедших диагностику" not in html and "of all students" in html
    # The figures are those of the Russian rows: the translation brings no second section and no other value.
    sections = client.get(english["english_report"].url).context["sections"]
    assert [s["figures"].indicator.pk for s in sections] == [english["diagnostics"].pk, english["contests"].pk]
    assert sections[0]["cell"].value == 17.5


def test_the_russian_report_is_unmarked_and_unchanged(client, english):
    html = client.get(english["report"].url).content.decode()
    assert "1. <span>Доля прошедших диагностику</span></h2>" in html
    assert "10. <span>Количество конкурсов</span></h2>" in html and SHARE_EN not in html


def test_the_english_indicator_page_names_the_direction_in_english(client, english):
    html = client.get(english["english_index"].url + "pokazatel/1/").content.decode()
    assert f'<p class="lead">{SHARE_EN}</p>' in html and f"<dd>{DIRECTION_EN}</dd>" in html
    contests = client.get(english["english_index"].url + "pokazatel/10/").content.decode()
    assert '<p class="lead" lang="ru">Количество конкурсов</p>' in contests


def test_the_english_report_data_names_indicators_as_the_page_does_with_the_same_figures(client, english):
    def rows(report):
        response = client.get(report.url + "dannye/csv/")
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    russian, english_rows = rows(english["report"]), rows(english["english_report"])
    assert english_rows[0][:2] == ["Indicator", "Indicator name"]
    assert len(russian) == len(english_rows) == 5
    assert {row[1] for row in english_rows[1:]} == {SHARE_EN, "Количество конкурсов"}
    # Every number the same: indicator, year, value, target.
    for ru_row, en_row in zip(russian[1:], english_rows[1:], strict=True):
        assert [ru_row[i] for i in (0, 3, 6)] == [en_row[i] for i in (0, 3, 6)]
        assert ru_row[4].replace(",", ".") == en_row[4].replace(",", ".")


def test_the_english_report_search_labels_facets_in_english_and_marks_the_fallbacks(client, english):
    html = client.get(english["english_index"].url + "poisk/").content.decode()
    assert f">1. {SHARE_EN}"[:60] in html
    assert f">1. {DIRECTION_EN} (1)</a>" in html
    assert ' lang="ru">10. Количество конкурсов (1)</a>' in html
    with translation.override("ru"):
        assert str(facets.labels()["indicator"]["1"]) == "1. Доля прошедших диагностику"


# The monitoring section's page gathers a section from each app that counts (the employers' participation, the fairs'
# results, the surveys, directions 8 and 9), each at a fixed number of queries whatever the data.
INDEX_QUERIES = 20


def test_english_pages_cost_a_flat_number_of_queries(client, english, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # indexed, as on the site: the search finds it before
        english["english_report"].save_revision().publish()
    index = english["english_index"]
    urls = [index.url, english["english_report"].url, index.url + "poisk/?year=2022", index.url + "pokazatel/1/"]

    def grow():
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(12):
                indicator = Indicator.objects.create(
                    number=100 + n, name=f"Показатель {n}", unit=Indicator.COUNT, direction=english["direction"]
                )
                IndicatorTarget.objects.create(indicator=indicator, year=2022, value=n)
                Observation.objects.create(indicator=indicator, year=2022, numerator=n)
                Observation.objects.create(
                    indicator=english["diagnostics"], district=DistrictFactory(), year=2022, numerator=n, denominator=50
                )
                if n % 2:
                    translate(indicator, name=f"Indicator {n}")

    assert_few_constant_queries(client, urls, grow, most={index.url: INDEX_QUERIES})


def test_a_translation_made_with_wagtail_localize_has_no_targets_and_no_direction(english):
    contests = english["contests"]
    contests.direction = english["direction"]
    contests.save()
    source, _created = TranslationSource.get_or_create_from_instance(contests)
    locale = Locale.objects.get(language_code="en")
    translated, _created = source.create_or_update_translation(locale, fallback=True)
    assert (translated.number, translated.locale, translated.translation_key) == (10, locale, contests.translation_key)
    assert not translated.targets.exists() and translated.direction is None
    assert contests.targets.count() == 2  # the original keeps its own
    # Everything that counts reads the Russian rows.
    assert [item.indicator.pk for item in Figures().indicators] == [english["diagnostics"].pk, contests.pk]


def test_the_admin_edits_and_saves_an_indicator(admin_client, monitoring):
    indicator = monitoring["diagnostics"]
    url = reverse("wagtailsnippets_monitoring_indicator:edit", args=[indicator.pk])
    assert admin_client.get(url).status_code == 200
    targets = list(indicator.targets.order_by("year"))
    form = {
        "number": "1",
        "name": "Доля прошедших профдиагностику",
        "description": "",
        "unit": Indicator.PERCENT,
        "share_of": "от общего количества обучающихся",
        "sources": "мониторинг",
        "direction": str(monitoring["direction"].pk),
        "targets-TOTAL_FORMS": str(len(targets)),
        "targets-INITIAL_FORMS": str(len(targets)),
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    for n, target in enumerate(targets):
        form |= {
            f"targets-{n}-id": str(target.pk),
            f"targets-{n}-year": str(target.year),
            f"targets-{n}-value": str(target.value),
            f"targets-{n}-ORDER": str(n + 1),
            f"targets-{n}-DELETE": "",
        }
    response = admin_client.post(url, form)
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.share_of, indicator.targets.count()) == (
        "Доля прошедших профдиагностику",
        "от общего количества обучающихся",
        2,
    )
    # A second indicator number 1 in the same language is refused with a message, not a database error.
    contests = monitoring["contests"]
    response = admin_client.post(
        reverse("wagtailsnippets_monitoring_indicator:edit", args=[contests.pk]),
        {**form, "name": contests.name, "targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    contests.refresh_from_db()
    assert contests.number == 10


def test_the_admin_lists_only_russian_indicators_to_observe(site_tree):
    translate(Indicator.objects.create(number=2, name="Доля"), name="Share")
    form = modelform_factory(Observation, fields=["indicator"])()
    assert [indicator.name for indicator in form.fields["indicator"].queryset] == ["Доля"]
    assert list(MonitoringDirection.objects.in_default_locale()) == list(MonitoringDirection.objects.all())


def test_a_second_report_in_english_keeps_the_directions_of_the_russian_one(client, english):
    report = english["report"]
    report.directions.set([english["direction"]])
    report.save_revision().publish()
    english_report = report.get_translation(Locale.objects.get(language_code="en"))
    english_report.directions.set([english["direction"]])
    english_report.save_revision().publish()
    sections = client.get(english_report.url).context["sections"]
    assert [s["figures"].indicator.number for s in sections] == [1]


@pytest.mark.sqlite_scenario
def test_the_migration_keeps_pks_numbers_names_and_links_and_goes_back(tmp_path):
    """In a process of its own on an empty SQLite file (indicator_migration_scenario.py), as the observation
    migration is tested: migrating back and forth here would leave the suite's database unusable."""
    result = run_scenario(
        Path(__file__).with_name("indicator_migration_scenario.py"), tmp_path / "db.sqlite3", migrated=False
    )
    ids, forward = result["ids"], result["forward"]
    russian = [row for row in forward["indicators"] if row["locale__language_code"] == "ru"]
    english = [row for row in forward["indicators"] if row["locale__language_code"] == "en"]
    assert [(r["pk"], r["number"], r["name"]) for r in russian] == [
        (ids["shares"], 1, "Доля прошедших диагностику"),
        (ids["contests"], 10, "Количество конкурсов"),
    ]
    assert (
        russian[0]["share_of"] == "от общего количества обучающихся" and russian[0]["direction_id"] == ids["direction"]
    )
    # The English name became a translation: same key and number, the words only (no direction, no sources).
    [translated] = english
    assert translated["translation_key"] == russian[0]["translation_key"] and translated["pk"] not in ids.values()
    assert (translated["number"], translated["name"], translated["share_of"]) == (
        1,
        "Share who took a diagnostic",
        "of all students",
    )
    assert (translated["direction_id"], translated["sources"]) == (None, "")
    assert [(r["name"], r["locale__language_code"]) for r in forward["directions"]] == [
        ("Мониторинг предпочтений", "ru"),
        ("Monitoring of preferences", "en"),
    ]
    assert forward["directions"][0]["pk"] == ids["direction"]
    assert forward["targets"] == [{"indicator_id": ids["shares"], "year": 2022}]
    assert forward["observation"] == ids["contests"]
    # And back: one row per indicator again, the translation in the English column.
    assert result["back"]["indicators"] == [
        {
            "pk": ids["shares"],
            "number": 1,
            "name_ru": "Доля прошедших диагностику",
            "name_en": "Share who took a diagnostic",
            "share_of_ru": "от общего количества обучающихся",
            "share_of_en": "of all students",
        },
        {
            "pk": ids["contests"],
            "number": 10,
            "name_ru": "Количество конкурсов",
            "name_en": "",
            "share_of_ru": "",
            "share_of_en": "",
        },
    ]
    assert result["back"]["directions"] == [
        {
            "pk": ids["direction"],
            "number": 1,
            "name_ru": "Мониторинг предпочтений",
            "name_en": "Monitoring of preferences",
        }
    ]
    assert result["back"]["targets"] == forward["targets"]
