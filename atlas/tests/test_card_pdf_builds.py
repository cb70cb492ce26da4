"""The card's PDF through the background queue (portal.builds): queued on publishing, built by the worker, served
as a file with an ETag; a new version, an edited employer or a lost file builds it again; a failed build says so."""

import dataclasses
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from portal import builds
from portal.models import GeneratedFile
from portal.tests.helpers import download, run_worker


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@override_settings(PORTAL_BUILD_AHEAD=True)
def test_publishing_queues_the_pdf_the_worker_builds_it_and_it_is_served_as_a_file(client, catalogue):
    welder = catalogue["welder"]
    welder.save_revision().publish()
    welder.refresh_from_db()
    record = GeneratedFile.objects.get(page=welder, kind="profession-pdf", version=str(welder.live_revision_id))
    assert record.status == GeneratedFile.Status.QUEUED
    assert DBTaskResult.objects.filter(task_path="portal.builds.build_file", status="READY").exists()

    run_worker()
    record.refresh_from_db()
    assert record.status == GeneratedFile.Status.READY and record.size > 1000 and record.build_seconds > 0

    response = client.get(welder.url + "pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{record.sha256}"' and response["Last-Modified"]
    assert "Сварщик" in pdf_text(b"".join(response.streaming_content))
    again = client.get(welder.url + "pdf/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and not again.content


def test_a_request_before_the_file_exists_gets_the_preparing_page_at_once(client, catalogue):
    url = catalogue["welder"].url + "pdf/"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 202 and int(response["Retry-After"]) >= 5
    assert response["X-Robots-Tag"] == "noindex" and "no-store" in response["Cache-Control"]
    assert "Файл готовится" in html and "«Сварщик»" in html and "Проверить ещё раз" in html
    client.get(url)
    assert DBTaskResult.objects.filter(task_path="portal.builds.build_file").count() == 1  # queued once


def test_serving_a_built_file_takes_a_fixed_number_of_queries(client, catalogue):
    url = catalogue["welder"].url + "pdf/"
    download(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Wagtail's routing to the page takes nine (site, locale, the path, view restrictions); the file one.
    assert len(queries) <= 10, "\n".join(q["sql"][:150] for q in queries)
    assert sum("portal_generatedfile" in q["sql"] for q in queries) == 1


def test_a_new_version_is_built_again_and_the_old_file_removed(client, catalogue):
    welder = catalogue["welder"]
    old = download(client, welder.url + "pdf/")
    old_record = GeneratedFile.objects.get(page=welder)
    storage, old_name = old_record.file.storage, old_record.file.name
    welder.title = "Сварщик (новая редакция)"
    welder.save_revision().publish()
    new = download(client, welder.url + "pdf/")  # asserts the old file is not served meanwhile
    assert "новая редакция" in pdf_text(new.body) and new["ETag"] != old["ETag"]
    assert not storage.exists(old_name) and GeneratedFile.objects.filter(page=welder).count() == 1


def test_editing_an_employer_on_the_card_builds_the_card_again(client, catalogue):
    welder = catalogue["welder"]
    assert "КнААЗ" in pdf_text(download(client, welder.url + "pdf/").body)
    employer = welder.employers.get(name__contains="КнААЗ")
    employer.name = "КнААЗ им. Ю. А. Гагарина"
    employer.save()
    assert GeneratedFile.objects.get(page=welder).status == GeneratedFile.Status.QUEUED  # queued again at once
    run_worker()
    response = client.get(welder.url + "pdf/")
    assert "Гагарина" in pdf_text(b"".join(response.streaming_content))


def test_a_file_lost_from_storage_is_built_again(client, catalogue):
    url = catalogue["welder"].url + "pdf/"
    download(client, url)
    record = GeneratedFile.objects.get()
    record.file.storage.delete(record.file.name)
    assert download(client, url).body.startswith(b"%PDF")


def test_a_failed_build_says_so_and_is_tried_again_later(client, catalogue, monkeypatch):
    def broken(page):
        raise RuntimeError("WeasyPrint ran out of memory")

    builder = builds.BUILDERS["profession-pdf"]
    monkeypatch.setitem(builds.BUILDERS, "profession-pdf", dataclasses.replace(builder, build=broken))
    url = catalogue["welder"].url + "pdf/"
    assert client.get(url).status_code == 202
    run_worker()
    record = GeneratedFile.objects.get()
    assert record.status == GeneratedFile.Status.FAILED and "out of memory" in record.error
    failed = client.get(url)
    assert failed.status_code == 503 and "Не удалось подготовить файл" in failed.content.decode()
    assert GeneratedFile.objects.get().status == GeneratedFile.Status.FAILED  # not retried on every request

    monkeypatch.setitem(builds.BUILDERS, "profession-pdf", builder)
    GeneratedFile.objects.update(queued_at=record.queued_at - builds.RETRY_FAILED_AFTER - timedelta(seconds=1))
    assert client.get(url).status_code == 202
    run_worker()
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("kind", sorted(builds.BUILDERS))
def test_every_kind_names_its_file_and_type(kind):
    builder = builds.BUILDERS[kind]
    assert builder.label and builder.extension in ("pdf", "zip")


@override_settings(PORTAL_BUILD_AHEAD=True)
def test_a_visitor_waiting_goes_before_the_files_publishing_queued(client, catalogue):
    welder = catalogue["welder"]
    welder.save_revision().publish()
    for page in (catalogue["nurse"], welder.get_parent()):
        page.save_revision().publish()
    others = catalogue["nurse"]
    assert client.get(welder.url + "pdf/").status_code == 202
    run_worker(max_tasks=1)
    assert GeneratedFile.objects.get(page=welder).status == GeneratedFile.Status.READY
    assert GeneratedFile.objects.get(page=others).status == GeneratedFile.Status.QUEUED


def test_saving_many_employers_queues_the_cards_once_and_a_rollback_keeps_the_files(client, catalogue):
    from django.db import transaction

    from atlas.models import Employer

    download(client, catalogue["welder"].url + "pdf/")
    record = GeneratedFile.objects.get()
    with transaction.atomic():  # as an import's dry run: saved, then rolled back
        Employer.objects.first().save()
        transaction.set_rollback(True)
    record.refresh_from_db()
    assert record.status == GeneratedFile.Status.READY and record.file.storage.exists(record.file.name)
    tasks = DBTaskResult.objects.count()
    employer = Employer.objects.first()
    for _ in range(5):  # five saves, as five rows of an import
        employer.save()
    assert GeneratedFile.objects.get().status == GeneratedFile.Status.QUEUED
    assert DBTaskResult.objects.count() == tasks + 1  # queued again once, not once per save
