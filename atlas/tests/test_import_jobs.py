"""The admin import through the background worker (portal.admin_import): upload → checked by the worker → job page
with the report → confirm → written by the worker; one import per kind at a time; a stalled one stops blocking."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from atlas.models import Sector
from portal.models import ImportJob
from portal.tests.helpers import run_worker

URL = "/admin/atlas/import/"
SECTORS = "Наименование;Описание\nЛесная промышленность;Заготовка и переработка леса\nРыболовство;Лов и переработка\n"


def upload(client, content=SECTORS, name="sectors.csv"):
    return client.post(URL, {"kind": "sectors", "file": SimpleUploadedFile(name, content.encode())})


def test_the_upload_is_checked_by_the_worker_then_written_when_confirmed(admin_client, atlas):
    response = upload(admin_client)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/imports/{job.pk}/"
    assert job.active and job.stage == "checking" and bytes(job.content) == SECTORS.encode()

    waiting = admin_client.get(response["Location"]).content.decode()
    assert "Файл проверяется, ничего не записано" in waiting and "<progress" in waiting
    assert admin_client.get(f"/admin/imports/{job.pk}/status/").json() == {
        "stage": "checking",
        "active": True,
        "done": 0,
        "total": 0,
    }

    run_worker()
    checked = admin_client.get(response["Location"]).content.decode()
    assert "Проверено 2 строки." in checked
    assert "Записать данные" in checked and not Sector.objects.filter(name="Рыболовство").exists()

    assert admin_client.post(f"/admin/imports/{job.pk}/write/").status_code == 302
    assert ImportJob.objects.get().stage == "writing"
    run_worker()
    job.refresh_from_db()
    assert job.stage == "written" and not job.active and job.report["written"]
    assert Sector.objects.filter(name="Рыболовство").exists()
    assert "Записать данные" not in admin_client.get(response["Location"]).content.decode()


def test_a_file_with_problems_cannot_be_written(admin_client, atlas):
    response = upload(admin_client, "Наименование;Описание\n;без названия\n")
    run_worker()
    html = admin_client.get(response["Location"]).content.decode()
    assert "ничего не записано" in html and "Записать данные" not in html
    job = ImportJob.objects.get()
    admin_client.post(f"/admin/imports/{job.pk}/write/")
    job.refresh_from_db()
    assert job.stage == "checked" and not job.active


def test_a_second_import_of_the_same_kind_is_refused_while_one_runs(admin_client, atlas):
    upload(admin_client)
    refused = upload(admin_client, name="again.csv")
    html = refused.content.decode()
    assert refused.status_code == 200 and "Идёт другой импорт" in html and "sectors.csv" in html
    assert ImportJob.objects.count() == 1
    run_worker()
    assert upload(admin_client, name="again.csv").status_code == 302  # the first has been checked


def test_a_stalled_import_stops_blocking_after_half_an_hour(admin_client, atlas):
    upload(admin_client)
    ImportJob.objects.update(updated_at=timezone.now() - timedelta(minutes=31))
    assert upload(admin_client, name="again.csv").status_code == 302
    assert list(ImportJob.objects.order_by("pk").values_list("stage", "active")) == [
        ("failed", False),
        ("checking", True),
    ]


def test_the_job_page_shows_the_workers_progress(admin_client, atlas):
    upload(admin_client)
    job = ImportJob.objects.get()
    caches["shared"].set(f"import-progress-{job.pk}", (1200, 5000))  # as the worker's progress callback writes
    assert admin_client.get(f"/admin/imports/{job.pk}/status/").json()["done"] == 1200
    html = admin_client.get(f"/admin/imports/{job.pk}/").content.decode()
    assert 'max="5000" value="1200"' in html and "1200 из 5000 строк" in html


def test_an_editor_without_the_import_permission_cannot_see_a_job(admin_client, client, atlas, django_user_model):
    upload(admin_client)
    job = ImportJob.objects.get()
    editor = django_user_model.objects.create_user("redaktor", password="pw-Хабаровск-2026")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in (f"/admin/imports/{job.pk}/", f"/admin/imports/{job.pk}/status/", URL):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"/admin/imports/{job.pk}/write/").status_code in (302, 403)
    assert ImportJob.objects.get().stage == "checking"
