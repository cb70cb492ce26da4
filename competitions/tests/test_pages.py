"""The list of competitions and a competition's page: phases in order, the calendar's checks, constant queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from competitions.models import CompetitionPage
from portal.tests.helpers import assert_few_constant_queries

pytestmark = pytest.mark.django_db


def test_the_list_shows_current_competitions_by_phase_and_past_years_below(client, make_competition):
    make_competition("judging", opens_in=-40, closes_in=-5)
    make_competition("soon", opens_in=20, closes_in=40, results_in=60)
    make_competition("open")
    past = make_competition("past", opens_in=-500, closes_in=-450, results_in=-420)
    CompetitionPage.objects.filter(pk=past.pk).update(results_published_at=timezone.now() - datetime.timedelta(400))
    html = client.get("/konkursy/").content.decode()
    positions = [html.index(f"Конкурс {slug}") for slug in ("open", "soon", "judging", "past")]
    assert positions == sorted(positions)
    assert "Конкурсы прошлых лет" in html


def test_the_calendar_must_be_in_order(make_competition):
    page = make_competition("order")
    page.entries_close_on = page.entries_open_on - datetime.timedelta(days=1)
    page.results_on = page.entries_close_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"entries_close_on", "results_on"} <= set(error.value.message_dict)


def test_the_list_costs_the_same_queries_however_many_competitions(client, make_competition):
    make_competition("first")
    counter = iter(range(100))
    urls = ["/konkursy/", "/konkursy/first/"]
    counts = assert_few_constant_queries(
        client, urls, lambda: [make_competition(f"more-{next(counter)}") for _ in range(3)]
    )
    print("queries", counts)


def test_an_editor_creates_a_competition_in_the_admin_with_a_jury_of_the_group(client, index, juror, admin_user):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    member = juror("member")
    outsider = get_user_model().objects.create_user("outsider", "outsider@example.ru", "Outsider-pass-2026")
    client.force_login(admin_user)
    url = f"/admin/pages/add/competitions/competitionpage/{index.pk}/"
    form = client.get(url).context["form"]
    assert list(form.fields["jurors"].queryset) == [member] and outsider not in form.fields["jurors"].queryset
    data = nested_form_data(
        {
            "title": "Новый конкурс",
            "slug": "novyi",
            "audience": "both",
            "grade_from": "5",
            "grade_to": "9",
            "about": rich_text("<p>О конкурсе</p>"),
            "nominations": inline_formset([{"title": "Эссе"}]),
            "entries_open_on": "2027-02-01",
            "entries_close_on": "2027-01-01",
            "results_on": "2027-03-01",
            "action-publish": "publish",
        }
    )
    data["jurors"] = [member.pk]  # nested_form_data would number a list's items
    assert client.post(url, data).status_code == 200  # closing before opening: the form again
    data["entries_close_on"] = "2027-02-20"
    assert client.post(url, data).status_code == 302
    page = CompetitionPage.objects.get(slug="novyi")
    assert page.live and list(page.jurors.all()) == [member] and page.nominations.get().title == "Эссе"
