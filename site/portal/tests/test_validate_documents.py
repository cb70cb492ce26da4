"""The weekly check of the documents library's PDFs with veraPDF (``validate_documents``): it keeps each document's
result for the editors, lists the failing ones, skips unchanged files, and without veraPDF says so in Russian and
fails without a traceback. A stand-in launcher answers as veraPDF does, so these tests need no Java; the real veraPDF
runs in tests/test_verapdf.py."""

import stat

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model

from portal import verapdf
from portal.daily import run_daily_commands
from portal.models import DocumentCheck

pytestmark = pytest.mark.django_db

# veraPDF's XML report (1.28), cut down: a file holding «BAD» fails rule 7.4.2-1, one holding «BROKEN» cannot be parsed.
FAKE_VERAPDF = r"""#!/usr/bin/env python3
import sys
jobs = []
for path in [a for a in sys.argv[1:] if a.endswith(".pdf")]:
    content = open(path, "rb").read()
    if b"BROKEN" in content:
        jobs.append(f'<job><item><name>{path}</name></item><taskException type="PARSE">'
                    '<exceptionMessage>Couldn\'t parse stream</exceptionMessage></taskException></job>')
    elif b"BAD" in content:
        jobs.append(f'<job><item><name>{path}</name></item><validationReport jobEndStatus="normal" isCompliant="false">'
                    '<details><rule clause="7.4.2" testNumber="1" status="failed" failedChecks="2">'
                    '<description>Heading levels shall not be skipped</description>'
                    '<check status="failed"><errorMessage>Heading level 2 is skipped</errorMessage></check>'
                    '</rule></details></validationReport></job>')
    else:
        jobs.append(f'<job><item><name>{path}</name></item><validationReport jobEndStatus="normal" isCompliant="true">'
                    '<details passedRules="106" failedRules="0"></details></validationReport></job>')
print('<?xml version="1.0" encoding="utf-8"?><report><jobs>' + "".join(jobs) + "</jobs></report>")
sys.exit(1 if any("false" in j or "PARSE" in j for j in jobs) else 0)
"""


@pytest.fixture
def fake_verapdf(tmp_path, monkeypatch):
    launcher = tmp_path / "verapdf"
    launcher.write_text(FAKE_VERAPDF)
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("VERAPDF", str(launcher))
    monkeypatch.setenv("VERAPDF_JAVA", "/usr/bin/true")  # the stand-in needs no Java
    return launcher


def document(title, content, extension="pdf"):
    made = get_document_model()(title=title)
    made.file.save(f"{title}.{extension}", ContentFile(content), save=False)
    made._set_document_file_metadata()
    made.save()
    return made


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("validate_documents", *args, stdout=out)
    return out.getvalue()


def test_the_failing_documents_are_listed_with_their_rules_and_kept(fake_verapdf):
    good = document("Памятка", b"%PDF-1.7 fine")
    bad = document("Положение", b"%PDF-1.7 BAD")
    broken = document("Обрывок", b"BROKEN")
    document("Таблица", b"not a pdf", extension="xlsx")  # not a PDF: not checked
    output = run()
    assert "Проверено документов: 3; не соответствуют PDF/UA-1: 2." in output
    assert f"«Положение» (id {bad.pk}): 7.4.2-1 Heading levels shall not be skipped" in output
    assert f"«Обрывок» (id {broken.pk}): veraPDF could not validate the file: Couldn't parse stream" in output
    assert "Памятка" not in output
    checks = {check.document_id: check for check in DocumentCheck.objects.all()}
    assert checks[good.pk].compliant and not checks[good.pk].failures
    assert checks[bad.pk].failures == [
        {
            "rule": "7.4.2-1",
            "description": "Heading levels shall not be skipped",
            "checks": 2,
            "messages": ["Heading level 2 is skipped"],
        }
    ]
    assert checks[bad.pk].file_hash == bad.file_hash and checks[bad.pk].checked_at <= timezone.now()

    # The next week: unchanged files are not checked again; a replaced one is, and leaves the list when it passes.
    bad.file.save("Положение.pdf", ContentFile(b"%PDF-1.7 fixed"), save=False)
    bad._set_document_file_metadata()
    bad.save()
    output = run()
    assert "Проверено документов: 1; не соответствуют PDF/UA-1: 1." in output and "Положение" not in output
    assert DocumentCheck.objects.get(document=bad).compliant
    assert "Проверено документов: 3;" in run("--all")


def test_without_verapdf_the_command_says_so_in_russian(monkeypatch, settings):
    monkeypatch.delenv("VERAPDF", raising=False)
    settings.VERAPDF = ""
    document("Памятка", b"%PDF-1.7 fine")
    with pytest.raises(CommandError, match="veraPDF не найден, документы не проверены"):
        run()
    assert not DocumentCheck.objects.exists()


def test_verapdf_that_is_not_a_program_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("VERAPDF", str(tmp_path / "missing"))
    with pytest.raises(verapdf.Unavailable, match="not an executable file"):
        verapdf.launcher()


def test_the_weekly_commands_run_on_their_day_only(settings):
    settings.WEEKLY_COMMANDS, settings.DAILY_COMMANDS = ["check"], []
    today = timezone.localdate().isoweekday()
    settings.WEEKLY_DAY = today
    assert "check" in run_daily_commands.call()
    settings.WEEKLY_DAY = today % 7 + 1
    assert "check" not in run_daily_commands.call()


def test_the_document_check_runs_weekly():
    from django.conf import settings
    from django.core.management import get_commands

    assert settings.WEEKLY_COMMANDS == ["validate_documents"] and set(settings.WEEKLY_COMMANDS) <= set(get_commands())
