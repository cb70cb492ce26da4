"""Indicator 9 from the portal: the students who came on confirmed bookings, by the school's district, the grade band
and the year, divided by the students the municipality reported, written as observations of origin «portal» beside the
reported figures and shown on the indicator's page."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from monitoring.models import Indicator, MonitoringIndexPage, Observation
from opportunities import bookings
from opportunities.indicator import ATTENDANCE, cells
from opportunities.models import Booking, BookingStatus, OpportunitySlot

from .conftest import make_opportunity
from .test_booking_admin import book


def publish():
    out = io.StringIO()
    call_command("publish_attendance", stdout=out)
    return int(re.match(r"(\d+) observation", out.getvalue()).group(1))


def portal(**cell):
    return Observation.objects.from_portal().get(is_current=True, **cell)


@pytest.fixture
def indicator(db):
    return Indicator.objects.create(number=9, name="Доля прошедших экскурсии и профпробы", unit=Indicator.PERCENT)


@pytest.fixture
def visits(atlas_cards, make_organisation, make_teacher, indicator):
    """Four classes booked on an excursion, all confirmed and held today: two from Amursky district (grades 9 and 3),
    one from Vaninsky district (whose municipality reported no students), one from a booking written before the form
    asked for the district."""
    amur, vanino = atlas_cards["amur"], atlas_cards["vanino"]
    Observation.objects.create(indicator=indicator, district=amur, year=2023, numerator=50, denominator=900)
    Observation.objects.create(indicator=indicator, district=amur, year=2024, numerator=100, denominator=1000)
    shipyard = make_organisation("ООО «Верфь»")
    visit = make_opportunity(shipyard, title="Экскурсия на верфь", district=amur, slots=((7, 100),))
    slot = visit.slots.get()
    teacher = make_teacher()
    classes = {
        "ninth": book(slot, teacher, grade=9, students=20),
        "third": book(slot, teacher, grade=3, students=10, students_with_disabilities=0),
        "from_vanino": book(slot, teacher, grade=9, students=15, district=vanino.pk),
        "unknown": book(slot, teacher, grade=10, students=12),
    }
    Booking.objects.filter(pk=classes["unknown"].pk).update(district=None)
    Booking.objects.update(status=BookingStatus.CONFIRMED)
    OpportunitySlot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    return {"amur": amur, "vanino": vanino, **{name: Booking.objects.get(pk=b.pk) for name, b in classes.items()}}


def test_recorded_attendance_becomes_observations_by_district_band_and_year(
    visits, django_capture_on_commit_callbacks, django_assert_num_queries
):
    year, amur = timezone.localdate().year, visits["amur"]
    with django_capture_on_commit_callbacks(execute=True):
        for name, came in (("ninth", 18), ("third", 9), ("from_vanino", 15), ("unknown", 12)):
            bookings.record_attendance(visits[name], came)

    ninth = portal(district=amur, year=year, grade_band="8-9")
    assert (ninth.numerator, ninth.denominator, ninth.value) == (18, 1000, Decimal("1.8"))
    assert ninth.source == ATTENDANCE.source
    assert "по данным ОМСУ за 2024 год" in ninth.comment  # the newest report, not the 2023 one
    assert (portal(district=amur, year=year, grade_band="1-4").numerator) == 9
    whole = portal(district=amur, year=year, grade_band="")
    assert (whole.numerator, whole.denominator, whole.value) == (27, 1000, Decimal("2.7"))
    # Vaninsky district reported no students, and one booking names no district: neither is counted anywhere.
    assert not Observation.objects.from_portal().filter(district=visits["vanino"]).exists()
    krai = portal(district=None, year=year, grade_band="")
    assert (krai.numerator, krai.denominator) == (27, 1000)
    assert not Observation.objects.from_portal().filter(grade_band="10-11").exists()
    # The municipalities' figures are untouched, and still the current ones.
    assert Observation.objects.reported().filter(is_current=True).count() == 2

    assert publish() == 0  # nothing changed since: nothing written
    with django_assert_num_queries(2):  # the attendance and the reported numbers, however many bookings
        cells()

    Booking.objects.filter(pk=visits["ninth"].pk).update(attended=20)  # the organisation corrected its count
    assert publish() == 4  # the band and the whole, of the district and of the krai
    corrected = portal(district=amur, year=year, grade_band="")
    assert [(o.numerator, o.denominator) for o in corrected.history()] == [(29, 1000), (27, 1000)]


def test_the_indicator_page_shows_the_portal_count_in_its_own_words(client, visits, site_tree):
    Booking.objects.filter(pk=visits["ninth"].pk).update(attended=18)
    Booking.objects.filter(pk=visits["unknown"].pk).update(attended=12, district=visits["amur"])
    publish()
    home, _english = site_tree
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=index)
    index.save_revision().publish()

    page = client.get("/monitoring/pokazatel/9/").content.decode()
    table = re.sub(r">\s+<", "><", page[page.index("Посчитано порталом") :])
    assert table.startswith("Посчитано порталом: ученики, пришедшие на экскурсии и профпробы по записи здесь")
    assert "Число учеников района (по данным ОМСУ)" in table
    assert "Амурский район</th><td>все</td><td>1000</td><td>30</td><td>3</td>" in table
    assert "Амурский район</th><td>8-9</td><td>1000</td><td>18</td><td>1,80</td>" in table
    assert table.index("<td>8-9</td>") < table.index("<td>10-11</td>")  # bands in the order of grades
    assert "Конструктор карьеры" not in table  # the words of indicator 1's count are not borrowed


def test_without_indicator_9_the_command_says_what_to_do(db):
    with pytest.raises(CommandError, match="Indicator 9 is not in the monitoring"):
        call_command("publish_attendance")
