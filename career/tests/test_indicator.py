"""Indicator 1: the portal's anonymous counts become monitoring observations of origin «portal», by district,
grade band and year, and stand beside the municipalities' figures without changing them."""

import datetime
import io
import re
import threading
import time
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing
from django.core.management import CommandError, call_command
from django.db import connection, connections
from wagtail.models import Locale

from career import record
from career.models import CountedDiagnosis, DiagnosticTally, RouteChoiceTally
from career.publish import DIAGNOSTICS
from career.state import Diagnosis, new_nonce
from conftest import require_service
from monitoring.figures import Figures
from monitoring.models import Indicator, MonitoringIndexPage, MonitoringReportPage, Observation

from .conftest import answers_for, send_second_step

BASE = "/konstruktor-karery/"
YEAR = datetime.date.today().year


def student(client, *, grade, district="", route_to=None):
    data = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": grade, "district": district}
    response = send_second_step(client, data)
    assert response.status_code == 302
    if route_to is not None:
        token = parse_qs(urlparse(response["Location"]).query)["t"][0]
        assert client.post(BASE + "marshrut/", {"t": token, "profession": route_to.pk}).status_code == 302


def publish():
    """Run the command; the number of observations it says it wrote."""
    out = io.StringIO()
    call_command("publish_diagnostics", stdout=out)
    return int(re.match(r"(\d+) observation", out.getvalue()).group(1))


def portal(**cell):
    return Observation.objects.from_portal().get(is_current=True, **cell)


@pytest.fixture
def indicator(career):
    return Indicator.objects.create(number=1, name="Доля прошедших диагностику с маршрутом", unit=Indicator.PERCENT)


def test_counts_by_district_grade_band_and_year(client, career, indicator):
    amur = career["amur"]
    student(client, grade=9, district="amurskii", route_to=career["welder"])
    student(client, grade=8, district="amurskii")
    student(client, grade=10, district="amurskii", route_to=career["pilot"])
    student(client, grade=6, district="vaninskii")
    student(client, grade=11)  # no district given: counted in the krai only
    publish()

    band = portal(district=amur, grade_band="8-9", year=YEAR)
    assert (band.numerator, band.denominator, band.value) == (1, 2, 50)
    assert band.source == DIAGNOSTICS.source
    whole = portal(district=amur, grade_band="", year=YEAR)
    assert (whole.numerator, whole.denominator) == (2, 3)
    assert (portal(district=career["vanino"], grade_band="", year=YEAR).denominator) == 1
    krai = portal(district=None, grade_band="", year=YEAR)
    assert (krai.numerator, krai.denominator) == (2, 5)
    assert (portal(district=None, grade_band="10-11", year=YEAR).denominator) == 2


def test_publishing_again_writes_only_what_changed_and_keeps_the_history(client, career, indicator):
    student(client, grade=9, district="amurskii")
    assert publish() == 4  # Амурский район and the krai, each for 8–9 and for all grades
    written = Observation.objects.count()
    assert publish() == 0
    assert Observation.objects.count() == written  # nothing changed, nothing written
    student(client, grade=9, district="amurskii", route_to=career["welder"])
    publish()
    current = portal(district=career["amur"], grade_band="8-9", year=YEAR)
    assert (current.numerator, current.denominator) == (1, 2)
    assert [(o.numerator, o.denominator) for o in current.history()] == [(1, 2), (0, 1)]


def test_portal_counts_stand_beside_the_reported_figures(client, career, indicator, site_tree):
    home, _ = site_tree
    amur = career["amur"]
    reported = Observation.objects.create(indicator=indicator, district=amur, year=2024, numerator=30, denominator=100)
    portal_2024 = Observation.objects.create(
        indicator=indicator,
        district=amur,
        year=2024,
        numerator=3,
        denominator=4,
        origin=Observation.PORTAL,
        source=DIAGNOSTICS.source,
    )
    reported.refresh_from_db()
    assert reported.is_current and portal_2024.is_current  # neither replaces the other
    figures = Figures([indicator])
    assert figures.indicators[0].districts[amur][2024].value == 30  # the target is measured by the reported one

    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = client.get("/monitoring/pokazatel/1/").content.decode()
    assert "Посчитано порталом" in page
    row = re.sub(r">\s+<", "><", page[page.index("Посчитано порталом") :])
    assert "Амурский район" in row and "<td>4</td><td>3</td><td>75</td><td>30</td>" in row

    report = MonitoringReportPage(title="Итоги 2024 года", slug="otchet-2024", year=2024)
    index.add_child(instance=report)
    report.save_revision().publish()
    text = re.sub(r">\s+<", "><", client.get(report.url).content.decode())
    assert "Посчитано порталом" in text and "<td>4</td><td>3</td><td>75</td><td>30</td>" in text


def test_without_indicator_1_the_command_says_what_to_do(career):
    with pytest.raises(CommandError, match="Indicator 1 is not in the monitoring"):
        call_command("publish_diagnostics")


def fetch_second_step(client, data):
    """The second step's form as a browser gets it: ``data`` with the form's nonce."""
    state = {key: data[key] for key in ("version", "code", "answers")}
    form = client.get(BASE + "o-sebe/", state).content.decode()
    return {**data, "nonce": re.search(r'name="nonce" value="([^"]+)"', form).group(1)}


def token_of(response):
    assert response.status_code == 302
    return parse_qs(urlparse(response["Location"]).query)["t"][0]


def test_replayed_posts_count_a_diagnosis_and_its_first_route_once(client, career, indicator):
    about = {"version": "plain", "code": "", "answers": answers_for("technique"), "grade": 9, "district": "amurskii"}
    data = fetch_second_step(client, about)
    tokens = {token_of(client.post(BASE + "o-sebe/", data)) for _ in range(20)}
    assert len(tokens) == 1  # the same result link every time
    token = tokens.pop()
    tally = DiagnosticTally.objects.get()
    assert (tally.completed, tally.routes) == (1, 0)

    for _ in range(20):
        route_token = token_of(client.post(BASE + "marshrut/", {"t": token, "profession": career["welder"].pk}))
    token_of(client.post(BASE + "marshrut/", {"t": token, "profession": career["pilot"].pk}))  # another choice
    token_of(client.post(BASE + "marshrut/", {"t": route_token, "profession": career["vet"].pk}))
    tally.refresh_from_db()
    assert (tally.completed, tally.routes) == (1, 1)

    # The student takes the questionnaire again: the form is fetched anew, a new diagnosis is counted.
    token_of(send_second_step(client, about))
    tally.refresh_from_db()
    assert (tally.completed, tally.routes) == (2, 1)
    publish()
    assert (portal(district=career["amur"], grade_band="", year=YEAR).denominator) == 2


class WeekOldSigner(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)


def test_a_second_step_without_a_valid_nonce_shows_the_results_but_counts_nothing(client, career):
    about = {"version": "plain", "code": "", "answers": answers_for("art"), "grade": 7}
    week_old = WeekOldSigner(salt=record.FORM_SALT).sign("AAAAAAAAAAA")
    for nonce in ("", "made-up", "AAAAAAAAAAA:forged", week_old):
        token = token_of(client.post(BASE + "o-sebe/", {**about, "nonce": nonce}))
        assert client.get(BASE + "rezultat/", {"t": token}).status_code == 200
        token_of(client.post(BASE + "marshrut/", {"t": token, "profession": career["designer"].pk}))
    assert not DiagnosticTally.objects.exists() and not CountedDiagnosis.objects.exists()
    token_of(send_second_step(client, about))  # the same form fetched as a browser does: counted
    assert DiagnosticTally.objects.get().completed == 1


def test_a_refused_second_step_keeps_its_nonce(client, career):
    """Sent without the grade, the form comes back with the same nonce: still one diagnosis."""
    about = {"version": "plain", "code": "", "answers": answers_for("art")}
    data = fetch_second_step(client, about)
    refused = client.post(BASE + "o-sebe/", data).content.decode()
    assert f'name="nonce" value="{data["nonce"]}"' in refused
    token_of(client.post(BASE + "o-sebe/", {**data, "grade": 7}))
    token_of(client.post(BASE + "o-sebe/", {**data, "grade": 8}))
    assert DiagnosticTally.objects.get().completed == 1


def test_publishing_forgets_the_marks_after_a_year_and_their_routes_no_longer_count(client, career, indicator):
    token = token_of(send_second_step(client, {"version": "plain", "code": "", "answers": "a" * 20, "grade": 10}))
    year_ago = datetime.date.today() - record.REMEMBERED - datetime.timedelta(days=1)
    CountedDiagnosis.objects.update(counted_on=year_ago)
    CountedDiagnosis.objects.create(nonce="recent")
    publish()
    assert list(CountedDiagnosis.objects.values_list("nonce", flat=True)) == ["recent"]
    token_of(client.post(BASE + "marshrut/", {"t": token, "profession": career["designer"].pk}))
    assert DiagnosticTally.objects.get().routes == 0


# Serialized like monitoring's race test: threads need committed data, and the flush after a transactional
# test that is not serialized would recreate the content types.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_replays_count_the_diagnosis_and_its_route_once(career):
    require_service("PostgreSQL", "DATABASE_URL", "concurrent requests need a database that runs them at once")
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    locale = Locale.get_default()
    diagnosis = Diagnosis(answers=answers_for("technique"), grade=9, district="amurskii", nonce=new_nonce())

    def twenty_at_once(work):
        start, errors = threading.Barrier(20), []

        def run():
            try:
                start.wait()
                work()
            except Exception as error:  # any failure is what the test reports
                errors.append(repr(error))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []

    twenty_at_once(lambda: record.completed(diagnosis, locale))
    twenty_at_once(lambda: record.route_built(diagnosis, career["welder"], locale))
    tally = DiagnosticTally.objects.get()
    assert (tally.completed, tally.routes) == (1, 1)
    assert CountedDiagnosis.objects.get().route_counted
    choice = RouteChoiceTally.objects.get()
    assert (choice.profession_id, choice.routes) == (career["welder"].pk, 1)
