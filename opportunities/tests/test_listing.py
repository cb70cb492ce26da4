"""The public list: facet counts through the one faceting engine (the database backend here, OpenSearch when it is
configured, with the same answers), what leaves it by itself, bad input, and the page of each opportunity."""

import datetime
import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from atlas.factories import ProfessionPageFactory
from conftest import require_service
from opportunities import listing
from opportunities.models import Opportunity

from .conftest import days, forget_indexed_opportunities, make_opportunity, refresh_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(atlas_cards, make_organisation, index_page):
    """Four listed opportunities of two approved organisations, one of an organisation awaiting approval, one
    unpublished and one whose only date has passed."""
    forget_indexed_opportunities()
    shipyard, college = make_organisation("ООО «Амурская верфь»"), make_organisation("КГБ ПОУ «Медколледж»")
    waiting = make_organisation("ИП Ожидающий", approved=False)
    welder, fitter, nurse = atlas_cards["welder"], atlas_cards["fitter"], atlas_cards["nurse"]
    amur, vanino = atlas_cards["amur"], atlas_cards["vanino"]
    items = {
        "trial": make_opportunity(
            shipyard,
            kind="trial",
            title="Профпроба «Сварщик на один день»",
            district=amur,
            professions=[welder],
            access=["hearing"],
            grade_from=9,
            grade_to=11,
            slots=[(2, 10), (40, 10)],
        ),
        "excursion": make_opportunity(
            shipyard,
            title="Экскурсия на верфь",
            district=amur,
            professions=[welder, fitter],
            access=["hearing", "musculoskeletal"],
            grade_from=7,
            grade_to=9,
            slots=[(40, 25)],
        ),
        "open_day": make_opportunity(
            college,
            kind="open_day",
            title="День открытых дверей медколледжа",
            district=vanino,
            professions=[nurse],
            grade_from=9,
            grade_to=11,
            slots=[(3, 50)],
        ),
        "online": make_opportunity(
            college,
            kind="master_class",
            title="Мастер-класс «Первая помощь» онлайн",
            district=vanino,
            online=True,
            online_link="https://example.ru/webinar",
            address="",
            professions=[nurse],
            grade_from=None,
            grade_to=None,
            age_from=14,
            age_to=18,
            slots=[(60, 100)],
        ),
        "waiting": make_opportunity(waiting, title="Экскурсия ожидающего", district=amur, professions=[welder]),
        "hidden": make_opportunity(shipyard, title="Скрытая экскурсия", district=amur, published=False),
        "over": make_opportunity(shipyard, title="Прошедшая экскурсия", district=amur),
    }
    Opportunity.objects.filter(pk=items["over"].pk).update(listed_until=days(-1))  # its last date has passed
    from wagtail.search import index

    index.insert_or_update_object(Opportunity.objects.get(pk=items["over"].pk))
    refresh_index()
    return items


BACKENDS = ["database", "opensearch"] if settings.OPENSEARCH_URL else ["database"]


def titles(found):
    return sorted(item.title for item in found.results)


@pytest.mark.parametrize("backend", BACKENDS)
def test_only_listed_opportunities_are_found_with_their_facet_counts(offers, atlas_cards, backend):
    found = listing.search(backend=backend)
    assert titles(found) == sorted(offers[name].title for name in ("trial", "excursion", "open_day", "online")), (
        "not the unapproved organisation's, the unpublished one or the one that is over"
    )
    assert found.total == 4
    counts = found.counts
    assert counts["activity"] == {"trial": 1, "excursion": 1, "open_day": 1, "master_class": 1}
    assert counts["district"] == {atlas_cards["amur"].slug: 2, atlas_cards["vanino"].slug: 2}
    assert counts["profession"] == {"svarshchik": 2, "slesar": 1, "medsestra": 2}
    assert counts["sector"] == {atlas_cards["ships"].slug: 2, atlas_cards["health"].slug: 2}
    assert counts["access"] == {"hearing": 2, "musculoskeletal": 1}
    assert counts["grade"] == {"7": 1, "8": 1, "9": 3, "10": 2, "11": 2}


@pytest.mark.parametrize("backend", BACKENDS)
def test_chosen_values_narrow_the_results_and_the_other_counts(offers, atlas_cards, backend):
    found = listing.search(selected={"profession": "svarshchik", "grade": "10"}, backend=backend)
    assert titles(found) == ["Профпроба «Сварщик на один день»"]
    assert found.counts["access"] == {"hearing": 1}
    found = listing.search(selected={"access": "musculoskeletal"}, backend=backend)
    assert titles(found) == ["Экскурсия на верфь"]
    assert titles(listing.search("верфь", backend=backend)) == ["Экскурсия на верфь"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_dates_narrow_to_opportunities_with_a_slot_in_them(offers, backend):
    found = listing.search(dates=(days(0), days(10)), backend=backend)
    assert titles(found) == ["День открытых дверей медколледжа", "Профпроба «Сварщик на один день»"]
    assert found.counts["activity"] == {"trial": 1, "open_day": 1}
    assert titles(listing.search(dates=(days(50), None), backend=backend)) == ["Мастер-класс «Первая помощь» онлайн"]
    assert titles(listing.search(dates=(days(100), days(120)), backend=backend)) == []


@pytest.mark.opensearch
def test_opensearch_answers_as_the_database_does(offers, atlas_cards):
    require_service("OpenSearch", "OPENSEARCH_URL", "the faceted list on OpenSearch")
    choices = [
        {},
        {"district": atlas_cards["amur"].slug},
        {"access": "hearing"},
        {"grade": "9", "sector": atlas_cards["ships"].slug},
    ]
    for selected in choices:
        on_opensearch = listing.search(selected=selected, backend="opensearch")
        on_database = listing.search(selected=selected, backend="database")
        assert titles(on_database), selected  # something to compare
        assert titles(on_opensearch) == titles(on_database), selected
        assert on_opensearch.counts == on_database.counts, selected
    assert titles(listing.search("верфь", backend="opensearch")) == ["Экскурсия на верфь"]


def test_the_list_page_shows_the_facets_and_the_results(client, offers, index_page):
    html = client.get(index_page.url).content.decode()
    assert "4 мероприятия" in html
    assert "Профпроба «Сварщик на один день»" in html and "Экскурсия ожидающего" not in html
    assert "Прошедшая экскурсия" not in html and "Скрытая экскурсия" not in html
    assert "Сварщик (2)" in html and "Слабослышание (2)" in html and "9 класс (3)" in html
    chosen = client.get(index_page.url, {"kind": "", "activity": "open_day"}).content.decode()
    assert "1 мероприятие" in chosen and "День открытых дверей медколледжа" in chosen
    assert "убрать этот фильтр" in chosen


@pytest.mark.parametrize(
    "params",
    [
        {"district": "nowhere"},
        {"grade": "12"},
        {"activity": "<script>"},
        {"date_from": "31.02.2026"},
        {"date_from": "2026-99-99", "date_to": "abc"},
        {"date_from": "2030-05-10", "date_to": "2030-05-01"},
        {"period": "year"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": '"\x00'},
    ],
)
def test_bad_input_is_reported_or_ignored_never_an_error(client, offers, index_page, params):
    response = client.get(index_page.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Профпроба «Сварщик на один день»" in html or "page" not in params
    if set(params) - {"page", "q"}:
        assert "Некоторые фильтры не применены" in html


def test_a_bad_date_is_reported_and_the_period_still_applies(client, offers, index_page):
    html = client.get(index_page.url, {"period": "week", "date_from": "bad"}).content.decode()
    assert "Некоторые фильтры не применены" in html
    assert "Мастер-класс «Первая помощь» онлайн" not in html  # 60 days ahead: not this week


def test_this_week_and_this_month_end_on_sunday_and_on_the_last_day():
    wednesday = datetime.date(2026, 12, 2)
    assert listing.period_dates("week", wednesday) == (wednesday, datetime.date(2026, 12, 6))
    assert listing.period_dates("month", wednesday) == (wednesday, datetime.date(2026, 12, 31))
    assert listing.period_dates("month", datetime.date(2028, 2, 10))[1] == datetime.date(2028, 2, 29)
    assert listing.period_dates("year", wednesday) is None


def test_the_page_of_an_opportunity(client, offers, index_page, atlas_cards):
    trial = offers["trial"]
    response = client.get(f"{index_page.url}{trial.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Профпроба «Сварщик на один день»</h1>" in html
    assert "ООО «Амурская верфь»" in html and "Хабаровск, ул. Заводская, 1" in html
    assert "9–11 классы" in html
    assert days(2).strftime("%Y-%m-%d") in html and days(40).strftime("%Y-%m-%d") in html  # both slots, places
    assert html.count("<td>10</td>") == 2
    accessibility = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html))
    assert re.sub(r"<[^>]+>", "", accessibility["Слабослышание"]) == "приспособлено: Пандус и лифт"
    assert accessibility["Нарушения опорно-двигательного аппарата"] == "не указано"
    assert f'href="{atlas_cards["welder"].url}"' in html  # the linked profession card


def test_the_english_pages_show_the_organisations_text_marked_as_russian(client, offers, index_page):
    english = index_page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
    english.title = "Trials and excursions"
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert "4 opportunities" in html and "Narrow down" in html
    assert '<a href="/en/' in html and 'lang="ru">Профпроба «Сварщик на один день»</a>' in html
    detail = client.get(f"{english.url}{offers['trial'].pk}/").content.decode()
    assert '<h1 lang="ru">Профпроба «Сварщик на один день»</h1>' in detail and "Dates and places" in detail


@pytest.mark.parametrize("name", ["waiting", "hidden", "over"])
def test_an_opportunity_that_is_not_listed_has_no_page(client, offers, index_page, name):
    response = client.get(f"{index_page.url}{offers[name].pk}/")
    assert response.status_code == 404
    assert "Это мероприятие уже прошло" in response.content.decode()
    assert client.get(f"{index_page.url}999999/").status_code == 404


def test_the_list_page_costs_the_same_queries_for_few_and_many(client, offers, index_page, atlas_cards):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(index_page.url)  # the look-ups of a new content version are cached by the first request
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index_page.url).status_code == 200
        return len(captured)

    few = queries()
    # More opportunities, and more values in the profession facet (new cards, each a label of it).
    cards = [
        ProfessionPageFactory(parent=atlas_cards["atlas"], title=f"Профессия {n}", slug=f"professiya-{n}")
        for n in range(5)
    ]
    for n in range(26):
        make_opportunity(
            offers["trial"].organisation,
            title=f"Ещё экскурсия {n}",
            district=atlas_cards["vanino"],
            professions=[cards[n % 5]],
        )
    refresh_index()
    assert queries() == few, few


def test_photos_show_with_their_description_as_alt_text(client, offers, index_page):
    from wagtail.images.tests.utils import get_test_image_file

    from opportunities.models import OpportunityPhoto
    from portal.models import PortalImage

    trial = offers["trial"]
    collection = trial.organisation.collection
    photo = PortalImage.objects.create(
        title="Цех", file=get_test_image_file(), collection=collection, description="Сварщик у стапеля в цехе верфи"
    )
    OpportunityPhoto.objects.create(opportunity=trial, image=photo)
    html = client.get(f"{index_page.url}{trial.pk}/").content.decode()
    assert 'alt="Сварщик у стапеля в цехе верфи"' in html


def test_the_profession_labels_know_their_language_without_a_query_each(offers):
    """The facet shows each profession with its language (``content_lang``): loaded with the label, not asked of the
    database for each one."""
    shown = [label.shown for label in listing.build_labels()["profession"].values()]
    assert shown and all("locale_id" not in card.get_deferred_fields() for card in shown)
