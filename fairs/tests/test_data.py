"""What becomes of the visitors' data and of the fairs' results: the results reach the monitoring page as numbers per
employer; the student sees their fairs in the cabinet and in the download of everything; registrations go 30 days
after the fair and with the account; an editor's fair with impossible dates or places is refused with a message."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from fairs import results, visits
from fairs.models import FairPage, Registration, SlotBooking
from monitoring.models import MonitoringIndexPage
from resumes import accounts

from .conftest import days, make_booth

pytestmark = pytest.mark.django_db
CABINET = "/studentam/kabinet/"


@pytest.fixture
def past_fair(make_fair, make_organisation, make_student):
    """A fair 40 days ago with two booths' results, one booth without, and a visitor who was there."""
    fair = make_fair(-40, title="Ярмарка прошлой осени")
    make_booth(fair, make_organisation("ООО «Верфь»"), slots=(), interviews=12, offers=4, hires=3)
    make_booth(fair, make_organisation("АО «Порт»"), slots=(), interviews=5, offers=1, hires=None)
    make_booth(fair, make_organisation("ИП Без итогов"), slots=())
    registration = Registration.objects.create(fair=fair, student=make_student("Посетителева Ольга"), language="ru")
    return {"fair": fair, "registration": registration}


def test_the_results_are_numbers_per_employer_on_the_monitoring_page(client, site_tree, past_fair, make_fair):
    make_fair(5, title="Будущая ярмарка")
    home, _english = site_tree
    monitoring = MonitoringIndexPage(title="Мониторинг", slug="monitoring")
    home.add_child(instance=monitoring)
    monitoring.save_revision().publish()
    ((fair, rows, totals),) = results.fairs_with_results()
    assert fair == past_fair["fair"] and [row.organisation.name for row in rows] == ["АО «Порт»", "ООО «Верфь»"]
    assert totals == {"interviews": 17, "offers": 5, "hires": 3}
    html = client.get(monitoring.url).content.decode()
    assert "Итоги ярмарок вакансий" in html and "Ярмарка прошлой осени" in html
    assert '<th scope="row">ООО «Верфь»</th><td>12</td><td>4</td><td>3</td>' in html
    assert "Посетителева" not in html and "Будущая ярмарка" not in html


def test_the_student_sees_their_fairs_in_the_cabinet_and_the_download(
    client, make_fair, make_organisation, make_student
):
    fair = make_fair(7, title="Зимняя ярмарка")
    booth = make_booth(fair, make_organisation("ООО «Верфь»"))
    student = make_student()
    booking = visits.book(booth.slots.get().pk, visits.register(fair, student, "Тихое место."))
    client.force_login(student.account)
    cabinet = client.get(CABINET).content.decode()
    assert "Мои ярмарки" in cabinet and "Зимняя ярмарка" in cabinet and "ООО «Верфь»" in cabinet
    data = json.loads(client.post(CABINET, {"action": "export"}).content)
    (item,) = data["fairs"]
    assert (item["fair"], item["needs"]) == ("Зимняя ярмарка", "Тихое место.")
    assert item["interviews"][0]["organisation"] == "ООО «Верфь»"
    assert item["interviews"][0]["starts_at"] == booking.slot.starts_at.isoformat()
    pdf = client.post(CABINET, {"action": "export-pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_registrations_go_thirty_days_after_the_fair_and_with_the_account(past_fair, make_fair, make_student):
    recent = make_fair(-10, title="Недавняя ярмарка")
    kept = Registration.objects.create(fair=recent, student=make_student(), language="ru")
    call_command("forget_fair_visitors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Registration.objects.all()) == [kept]
    booth = past_fair["fair"].booths.get(organisation__name="ООО «Верфь»")
    assert (booth.interviews, booth.offers, booth.hires) == (12, 4, 3)  # the results stay
    fair = make_fair(3)
    booth = make_booth(fair, booth.organisation)
    student = kept.student
    visits.book(booth.slots.get().pk, visits.register(fair, student))
    accounts.delete(student)
    assert not Registration.objects.exists() and not SlotBooking.objects.exists()


def test_a_fair_with_impossible_dates_or_no_place_is_refused(fair_index):
    fair = FairPage(title="Ярмарка", starts_on=days(5), ends_on=days(4), format="both", for_disabilities=True)
    with pytest.raises(ValidationError) as refused:
        fair.full_clean()
    errors = refused.value.message_dict
    assert errors["ends_on"] == ["Последний день не может быть раньше первого."]
    assert errors["venue"] == ["Напишите, где проходит ярмарка."]
    assert errors["online_link"] == ["Укажите ссылку, по которой подключаются посетители."]
    assert errors["adaptations"] == ["На ярмарке для выпускников с инвалидностью нужно написать, что адаптировано."]
