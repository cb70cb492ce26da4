"""Who reaches what: a coordinator only their districts' reports — through no screen, export, file, import or API
another district's; an editor without a role none of it; the analyst every district, but no coordinator's pen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from monitoring.models import Observation
from reporting import exchange
from reporting.models import DistrictReport, EvidenceFile, State
from reporting.workflow import report_for

from .conftest import figures, report_url


def assert_refused(response, url):
    """403, or Wagtail's own answer to a PermissionDenied in its admin: back to the dashboard with a message."""
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        assert response["Location"] == "/admin/", url


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def vanino_report(collection):
    """Vanino's report, submitted, with an evidence file."""
    report = report_for(collection["round"], collection["vanino"])
    EvidenceFile.objects.create(
        report=report, file=SimpleUploadedFile("protokol.pdf", PDF), original_name="protokol.pdf", size=len(PDF)
    )
    return report


def test_a_coordinator_reaches_no_other_districts_report_by_any_path(client, collection, vanino_report):
    client.force_login(collection["coordinator"])
    evidence = vanino_report.evidence.get()
    round_pk = collection["round"].pk
    forbidden = [
        ("get", report_url(collection, "vanino"), {}),
        ("post", report_url(collection, "vanino"), {**figures(collection), "action": "save"}),
        ("post", report_url(collection, "vanino"), {"action": "approve"}),
        ("get", f"/admin/reporting/evidence/{evidence.pk}/", {}),
        ("post", f"/admin/reporting/evidence/{evidence.pk}/delete/", {}),
        ("post", report_url(collection, "vanino") + "evidence/", {"file": SimpleUploadedFile("a.pdf", PDF)}),
        ("get", report_url(collection, "vanino") + "import/", {}),
        ("get", report_url(collection, "vanino") + "template.xlsx", {}),
        ("get", f"/admin/reporting/{round_pk}/", {}),
        ("get", f"/admin/reporting/{round_pk}/export.csv", {}),
        ("post", f"/admin/reporting/{round_pk}/state/", {"action": "close"}),
        ("get", reverse("reporting_rounds:edit", args=[round_pk]), {}),
        ("get", reverse("reporting_rounds:add"), {}),
    ]
    for method, url, data in forbidden:
        assert_refused(getattr(client, method)(url, data), url)
    assert vanino_report.evidence.count() == 1 and not vanino_report.figures.exists()
    assert collection["round"].closed_at is None
    # The import's own check, which guards each job the worker runs, refuses another district's report.
    assert exchange.may_import(collection["coordinator"], {"report": vanino_report.pk}) is False
    # The list names only their own district.
    page = client.get("/admin/reporting/").content.decode()
    assert "Амурский муниципальный район" in page and "Ванинский" not in page


def test_an_editor_without_a_role_sees_nothing_of_the_collection(client, collection, vanino_report):
    client.force_login(collection["editor"])
    assert client.get("/admin/reporting/").status_code == 404
    for url in (report_url(collection, "vanino"), f"/admin/reporting/{collection['round'].pk}/export.xlsx"):
        assert_refused(client.get(url), url)
    assert "/admin/reporting/" not in client.get("/admin/").content.decode()  # no menu item


def test_the_analyst_reads_every_district_but_does_not_write_their_figures(client, collection, vanino_report):
    client.force_login(collection["analyst"])
    assert "Ванинский муниципальный район" in client.get(report_url(collection, "vanino")).content.decode()
    evidence = client.get(f"/admin/reporting/evidence/{vanino_report.evidence.get().pk}/")
    assert b"".join(evidence.streaming_content) == PDF
    assert "no-store" in evidence["Cache-Control"]
    assert evidence["Content-Disposition"] == 'attachment; filename="protokol.pdf"'
    response = client.post(report_url(collection, "vanino"), {**figures(collection), "action": "save"})
    assert response.status_code == 404 and not vanino_report.figures.exists()


def test_no_report_reaches_the_public_api_or_the_monitoring_before_approval(client, collection):
    client.force_login(collection["coordinator"])
    client.post(report_url(collection), {**figures(collection, share=(4321, 9876)), "action": "submit"})
    assert DistrictReport.objects.get().state == State.SUBMITTED
    client.logout()
    for url in ("/api/v2/pages/?limit=50", "/api/v2/pages/?type=monitoring.MonitoringReportPage"):
        response = client.get(url)
        assert response.status_code in (200, 400) and b"4321" not in response.content, url
    assert client.get("/api/v2/reporting/").status_code == 404
    assert not Observation.objects.filter(numerator=4321).exists()


def test_a_coordinator_sees_no_other_districts_import(client, collection):
    from portal.models import ImportJob
    from portal.tests.helpers import admin_import, xlsx_bytes

    client.force_login(collection["other_coordinator"])
    content = xlsx_bytes([["Показатель", "Числитель"], ["10", 2]])
    admin_import(
        client, report_url(collection, "vanino") + "import/", {"file": SimpleUploadedFile("vanino.xlsx", content)}
    )
    job = ImportJob.objects.get()
    client.force_login(collection["coordinator"])
    page = client.get(report_url(collection) + "import/").content.decode()
    assert "Амурский муниципальный район: значения за 2024 год из файла" in page
    assert "vanino.xlsx" not in page
    assert_refused(client.get(f"/admin/imports/{job.pk}/"), "job")
