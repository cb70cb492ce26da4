"""A district's report through its states, as the coordinator and the analyst use the admin: draft, submission,
return with comments and a letter, approval into the monitoring's observations with their history; and the refusals
(the deadline, a closed round, a zero denominator, a share over 100 %, a jump left unexplained) that lose nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from monitoring.figures import Figures
from monitoring.models import Observation
from reporting.models import DistrictReport, State

from .conftest import figures, report_url


def current(collection, indicator, year=2024):
    return Observation.objects.reported().filter(
        indicator=collection[indicator], district=collection["amur"], year=year, is_current=True
    )


def submit(client, collection, **values):
    client.force_login(collection["coordinator"])
    return client.post(report_url(collection), {**figures(collection, **values), "action": "submit"}, follow=True)


def test_the_report_goes_from_draft_to_approval_and_only_then_into_the_monitoring(client, collection):
    client.force_login(collection["coordinator"])
    page = client.get(report_url(collection)).content.decode()
    assert "40,00 % (400 / 1000)" in page  # last year's value beside the field
    response = client.post(report_url(collection), {**figures(collection), "action": "save"}, follow=True)
    assert "Черновик сохранён." in response.content.decode()
    report = DistrictReport.objects.get()
    assert report.state == State.DRAFT and report.figures.count() == 2
    response = submit(client, collection, comment="По данным школ района")
    assert "Отчёт отправлен. Аналитик его проверит." in response.content.decode()
    assert not current(collection, "share").exists()  # nothing public before approval
    assert [figures.districts for figures in Figures(years=[2024]).indicators] == [{}, {}]

    client.force_login(collection["analyst"])
    response = client.post(report_url(collection), {"action": "approve"}, follow=True)
    assert "Отчёт утверждён: значений внесено в мониторинг — 2." in response.content.decode()
    share = current(collection, "share").get()
    assert (share.numerator, share.denominator, share.value) == (450, 1000, 45)
    assert share.entered_by == collection["coordinator"] and share.comment == "По данным школ района"
    assert current(collection, "count").get().value == 5
    report = DistrictReport.objects.get()
    assert report.state == State.APPROVED and report.decided_by == collection["analyst"]
    page = client.get(report_url(collection)).content.decode()
    for said in ("Значения сохранены как черновик", "Отправлен аналитику", "Утверждён: цифры в мониторинге"):
        assert said in page  # the report's history


def test_approval_keeps_the_earlier_figure_in_the_history(client, collection):
    earlier = Observation.objects.create(
        indicator=collection["share"], district=collection["amur"], year=2024, numerator=300, denominator=1000
    )
    submit(client, collection, comment="Уточнённые данные")
    client.force_login(collection["analyst"])
    client.post(report_url(collection), {"action": "approve"})
    correction = current(collection, "share").get()
    assert correction.replaces == earlier and correction.history() == [correction, earlier]
    earlier.refresh_from_db()
    assert earlier.is_current is False


def test_a_returned_report_comes_back_with_comments_and_a_letter(client, collection):
    submit(client, collection)
    client.force_login(collection["analyst"])
    refused = client.post(report_url(collection), {"action": "return", "review": "  "}, follow=True)
    assert "Напишите, что нужно исправить." in refused.content.decode()
    assert DistrictReport.objects.get().state == State.SUBMITTED
    client.post(report_url(collection), {"action": "return", "review": "Проверьте знаменатель показателя 1."})
    report = DistrictReport.objects.get()
    assert report.state == State.RETURNED and report.review == "Проверьте знаменатель показателя 1."
    [letter] = mail.outbox
    assert letter.to == [collection["coordinator"].email]  # not the other district's coordinator
    assert "возвращён на доработку" in letter.subject and "Проверьте знаменатель показателя 1." in letter.body
    assert report_url(collection) in letter.body

    client.force_login(collection["coordinator"])
    page = client.get(report_url(collection)).content.decode()
    assert "Проверьте знаменатель показателя 1." in page
    submit(client, collection, share=(450, 1100))
    assert DistrictReport.objects.get().state == State.SUBMITTED


def test_the_analyst_decides_only_a_submitted_report(client, collection):
    client.force_login(collection["coordinator"])
    client.post(report_url(collection), {**figures(collection), "action": "save"})
    client.force_login(collection["analyst"])
    response = client.post(report_url(collection), {"action": "approve"}, follow=True)
    assert "«черновик», а не отправлен" in response.content.decode()
    assert not current(collection, "share").exists()


def test_a_submission_after_the_deadline_is_refused_and_the_draft_kept(client, collection):
    round = collection["round"]
    round.deadline = timezone.localdate() - datetime.timedelta(days=1)
    round.save()
    response = submit(client, collection)
    assert "Срок сдачи был" in response.content.decode()
    assert "черновик сохранён" in response.content.decode()
    report = DistrictReport.objects.get()
    assert report.state == State.DRAFT
    assert report.figures.get(indicator=collection["share"]).numerator == 450


@pytest.mark.parametrize(
    ("share", "message"),
    [((5, 0), "Знаменатель должен быть больше нуля."), ((120, 100), "120\u00a0%,")],
)
def test_impossible_shares_are_refused_with_the_values_kept(client, collection, share, message):
    response = submit(client, collection, share=share)
    page = response.content.decode()
    assert message in page
    assert "Ничего не сохранено" in page
    assert f'value="{share[0]}"' in page  # the coordinator's values stay in the form
    assert not DistrictReport.objects.get().figures.exists()


def test_a_round_closed_while_the_coordinator_types_keeps_their_values(client, collection):
    client.force_login(collection["coordinator"])
    client.get(report_url(collection))  # the form is open
    client.force_login(collection["analyst"])
    client.post(f"/admin/reporting/{collection['round'].pk}/state/", {"action": "close"})
    client.force_login(collection["coordinator"])
    response = client.post(report_url(collection), {**figures(collection, count=7), "action": "save"})
    page = response.content.decode()
    assert "Сбор закрыт" in page
    assert 'value="7"' in page
    assert not DistrictReport.objects.get().figures.exists()


def test_a_jump_from_last_year_is_flagged_and_must_be_explained(client, collection):
    response = submit(client, collection, share=(900, 1000))  # 40 % → 90 %
    page = response.content.decode()
    assert "30\u00a0%:" in page  # the threshold in the refusal, the Russian way (the message is to be translated)
    assert f'id="jump-{collection["share"].pk}"' in page
    assert f'id="jump-{collection["count"].pk}"' not in page  # 4 → 5 contests is 25 %, under 30 %
    assert DistrictReport.objects.get().state == State.DRAFT
    submit(client, collection, share=(900, 1000), comment="В 2024 году диагностику прошли все школы района.")
    assert DistrictReport.objects.get().state == State.SUBMITTED


def test_a_submission_needs_every_indicator(client, collection):
    response = submit(client, collection, count=None)
    assert "Не отправлено: 10. Укажите значение." in response.content.decode()
    assert DistrictReport.objects.get().state == State.DRAFT
