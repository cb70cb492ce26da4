"""Employers' participation for the monitoring: organisations, opportunities, dates and students who came, by the
district where the opportunity takes place, in one year."""

import re

from django.utils import timezone

from opportunities import participation
from opportunities.models import Booking, OpportunitySlot

from .conftest import days, make_opportunity
from .test_booking_admin import book


def test_organisations_opportunities_dates_and_students_who_came_by_district(
    atlas_cards, make_organisation, make_teacher, django_assert_max_num_queries
):
    amur, vanino = atlas_cards["amur"], atlas_cards["vanino"]
    shipyard, port = make_organisation("ООО «Верфь»"), make_organisation("АО «Порт»")
    waiting = make_organisation("ИП Ожидающий", approved=False)
    visit = make_opportunity(shipyard, title="Экскурсия на верфь", district=amur, slots=((7, 30), (8, 30)))
    make_opportunity(shipyard, title="Профпроба на верфи", district=amur, slots=((9, 10),))
    make_opportunity(port, title="Экскурсия в порт", district=vanino, slots=((7, 30),))
    make_opportunity(waiting, title="Не одобрено", district=vanino, slots=((7, 30),))
    first = visit.slots.order_by("date").first()
    booking = book(first, make_teacher(), students=20)
    Booking.objects.filter(pk=booking.pk).update(status="confirmed", attended=18)
    year = days(7).year
    OpportunitySlot.objects.update(date=timezone.datetime(year, 6, 1).date())  # all in one year, whatever today is

    with django_assert_max_num_queries(5):
        table, totals = participation.figures(year)
    rows = {district.name: (r["organisations"], r["opportunities"], r["dates"], r["came"]) for district, r in table}
    assert rows == {amur.name: (1, 2, 3, 18), vanino.name: (1, 1, 1, None)}
    assert (totals["organisations"], totals["opportunities"], totals["dates"], totals["came"]) == (2, 3, 4, 18)
    assert participation.figures(year - 1) == ([], {"organisations": 0, "opportunities": 0, "dates": 0, "came": None})

    html = participation.monitoring_block(None, None)
    if timezone.localdate().year == year:
        assert "2 организации провели" in html and "других): 3; учеников пришло, по отметкам организаций: 18." in html


def test_the_monitoring_page_shows_the_table(client, atlas_cards, make_organisation):
    from monitoring.models import MonitoringIndexPage

    amur = atlas_cards["amur"]
    make_opportunity(make_organisation("ООО «Верфь»"), title="Экскурсия на верфь", district=amur, slots=((1, 30),))
    OpportunitySlot.objects.update(date=timezone.localdate())
    index = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    atlas_cards["home"].add_child(instance=index)
    index.save_revision().publish()

    html = client.get("/monitoring/").content.decode()
    section = html[html.index('id="participation-heading"') :]
    assert f"Участие работодателей и колледжей, {timezone.localdate().year}" in section
    row = re.sub(r">\s+<", "><", section)
    assert f'<th scope="row">{amur.name}</th><td>1</td><td>1</td><td>1</td><td>0</td>' in row
