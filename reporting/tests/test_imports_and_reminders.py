"""The district's spreadsheet (all or nothing, only its own district, only the round's indicators), the evidence
files (checked by content, removed from the disk), the analyst's dashboard and export (queries that do not grow
with the districts), and the deadline's reminders, each once."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atlas.factories import DistrictFactory
from portal.tests.helpers import admin_import, xlsx_bytes
from reporting.models import DistrictReport, EvidenceFile, State
from reporting.reminders import send_reminders
from reporting.workflow import report_for

from .conftest import figures, report_url

HEADER = ["Показатель", "Числитель", "Знаменатель", "Муниципальное образование"]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(client, collection, rows):
    content = xlsx_bytes([HEADER, *rows])
    return admin_import(
        client, report_url(collection) + "import/", {"file": SimpleUploadedFile("amur.xlsx", content)}, write=True
    ).content.decode()


def test_a_correct_spreadsheet_fills_the_draft(client, collection):
    client.force_login(collection["coordinator"])
    upload(client, collection, [["1 — Доля", "1 200", 2000, "Амурский район"], ["10", 6, None, None]])
    report = DistrictReport.objects.get()
    assert report.state == State.DRAFT
    assert {f.indicator.number: (f.numerator, f.denominator) for f in report.figures.all()} == {
        1: (1200, 2000),
        10: (6, None),
    }


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["1", 120, 1000, "Ванинский район"]], "Строка относится к району «Ванинский муниципальный район»"),
        ([["3", 120, 1000, None]], "Этот показатель в данном сборе не собирается; собираются: 1, 10."),
        ([["1", 120, 0, None]], "Знаменатель должен быть больше нуля."),
        ([["1", 1200, 1000, None]], "Числитель (1\xa0200) больше знаменателя (1\xa0000)"),
        ([["1", 100, 1000, None], ["10", "много", None, None]], "Это не целое число."),
    ],
)
def test_a_spreadsheet_with_a_problem_writes_nothing(client, collection, rows, message):
    client.force_login(collection["coordinator"])
    page = upload(client, collection, rows)
    assert message in page
    assert not DistrictReport.objects.get().figures.exists()


def test_a_spreadsheet_for_a_submitted_report_writes_nothing(client, collection):
    report = report_for(collection["round"], collection["amur"])
    DistrictReport.objects.filter(pk=report.pk).update(state=State.SUBMITTED)
    client.force_login(collection["coordinator"])
    assert "Отчёт уже нельзя изменить" in upload(client, collection, [["10", 6, None, None]])
    assert not report.figures.exists()


def test_the_template_holds_the_rounds_indicators_for_the_district(client, collection):
    import openpyxl

    client.force_login(collection["coordinator"])
    response = client.get(report_url(collection) + "template.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0].values)
    assert (rows[0][0], rows[0][3]) == ("Показатель", "Муниципальное образование")
    assert [row[0][:4] for row in rows[1:]] == ["1 — ", "10 —"]
    assert {row[3] for row in rows[1:]} == {"Амурский муниципальный район"}


def test_evidence_is_checked_by_content_and_leaves_the_disk_with_its_row(client, collection):
    client.force_login(collection["coordinator"])
    url = report_url(collection) + "evidence/"
    response = client.post(url, {"file": SimpleUploadedFile("akt.pdf", b"MZ\x90\x00 not a pdf")}, follow=True)
    assert "Содержимое «akt.pdf» не является файлом «.pdf»" in response.content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("akt.exe", PDF)}, follow=True)
    assert "«.exe» здесь не принимается" in response.content.decode()
    assert not EvidenceFile.objects.exists()
    client.post(url, {"file": SimpleUploadedFile("akt.pdf", PDF)})
    evidence = EvidenceFile.objects.get()
    path = Path(evidence.file.path)
    assert path.read_bytes() == PDF and "akt" not in path.name
    client.post(f"/admin/reporting/evidence/{evidence.pk}/delete/")
    assert not EvidenceFile.objects.exists() and not path.exists()


def test_the_dashboard_and_its_export_show_every_district(client, collection):
    client.force_login(collection["coordinator"])
    client.post(report_url(collection), {**figures(collection), "action": "submit"})
    client.force_login(collection["analyst"])
    round_url = f"/admin/reporting/{collection['round'].pk}/"
    page = client.get(round_url).content.decode()
    assert "Районы: не начат — 1 · черновик — 0 · отправлен — 1 · возвращён на доработку — 0 · утверждён — 0" in page
    rows = list(
        csv.reader(io.StringIO(client.get(round_url + "export.csv").content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:4] == ["Район", "Состояние", "Отправлен", "Решение принято"]
    by_district = {row[0]: row for row in rows[1:]}
    assert by_district["Амурский муниципальный район"][1] == "отправлен"
    assert by_district["Амурский муниципальный район"][4:] == ["450", "1000", "5"]
    assert by_district["Ванинский муниципальный район"][1:2] == ["не начат"]  # as the dashboard says

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(round_url).status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        district = DistrictFactory(name=f"Район {number}", slug=f"raion-{number}")
        report_for(collection["round"], district)
    assert queries() == before


def test_reminders_go_a_week_and_a_day_before_the_deadline_once_each(collection):
    round = collection["round"]
    round.deadline = timezone.localdate() + datetime.timedelta(days=6)
    round.save()
    submitted = report_for(round, collection["vanino"])
    DistrictReport.objects.filter(pk=submitted.pk).update(state=State.SUBMITTED)
    assert send_reminders() == 1
    [letter] = mail.outbox
    assert letter.to == [collection["coordinator"].email]  # Vanino submitted: no reminder
    assert "скоро срок сдачи" in letter.subject and "осталось 6 дней" in letter.body
    assert send_reminders() == 0  # once
    assert send_reminders(today=round.deadline - datetime.timedelta(days=1)) == 1
    assert "остался 1 день" in mail.outbox[-1].body
    assert send_reminders(today=round.deadline + datetime.timedelta(days=1)) == 0


@pytest.mark.smtp
def test_the_reminder_reaches_the_coordinator_through_smtp(collection, smtp_server):
    import uuid
    from email.header import decode_header, make_header

    from conftest import received

    coordinator = collection["coordinator"]
    coordinator.email = f"koordinator-{uuid.uuid4().hex[:8]}@omsu.example.ru"  # the Maildir outlives a run
    coordinator.save(update_fields=["email"])
    round = collection["round"]
    round.deadline = timezone.localdate() + datetime.timedelta(days=1)
    round.save()
    assert send_reminders() == 2  # both districts are behind
    [letter] = received(smtp_server, coordinator.email)
    assert str(make_header(decode_header(letter["Subject"]))) == "Значения мониторинга за 2024 год: скоро срок сдачи"
