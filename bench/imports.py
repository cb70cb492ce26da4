"""A 10,000-row XLSX atlas import (employers) through the admin and the background worker: total time, the
worker's peak memory, and how the admin answers while the worker has it.

    .venv/bin/python bench/imports.py [--rows 10000]

Builds a throw-away SQLite database in var/bench-imports.sqlite3 (or uses DATABASE_URL) with the seed, uploads the
file as an editor does (Django's test client, signed in as a superuser), runs `manage.py db_worker --backend long
--batch` in its own process for the check and again for the write, and meanwhile requests the job page and its
status every half second. Prints the figures; asserts nothing.
"""

import argparse
import io
import resource
import subprocess
import sys
import threading
import time

from _setup import ROOT, throwaway_site


def workbook(rows, sectors, districts):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Наименование", "Отрасль", "Муниципальные образования", "Населённый пункт", "Описание"])
    for i in range(rows):
        sheet.append(
            [
                f"ООО «Предприятие № {i}»",
                sectors[i % len(sectors)],
                f"{districts[i % len(districts)]}; {districts[(i + 7) % len(districts)]}",
                "Хабаровск",
                "Работодатель из файла для замера импорта.",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    throwaway_site("imports", env={"PORTAL_BUILD_AHEAD": "false"})
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from atlas.models import Employer, MunicipalDistrict, Sector
    from portal.models import ImportJob

    sectors = list(Sector.objects.filter(locale__language_code="ru").values_list("name", flat=True))
    districts = list(MunicipalDistrict.objects.filter(locale__language_code="ru").values_list("name", flat=True))
    content = workbook(args.rows, sectors, districts)
    print(f"file: {args.rows} rows, {len(content) / 1e6:.1f} MB XLSX")
    admin, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_superuser": True})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)

    start = time.perf_counter()
    response = client.post(
        "/admin/atlas/import/", {"kind": "employers", "file": SimpleUploadedFile("employers.xlsx", content)}
    )
    print(f"upload answered {response.status_code} in {(time.perf_counter() - start) * 1000:.0f} ms")
    job_url = response["Location"]

    def worker_pass(label):
        worker = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "db_worker",
                "--backend",
                "long",
                "--batch",
                "--no-startup-delay",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        timings, seen = [], []
        began = time.perf_counter()

        def visit():
            while worker.poll() is None:
                for url in (job_url, job_url + "status/"):
                    t = time.perf_counter()
                    answer = client.get(url)
                    timings.append((time.perf_counter() - t) * 1000)
                    if url.endswith("status/"):
                        seen.append(answer.json()["done"])
                time.sleep(0.5)

        visitor = threading.Thread(target=visit)
        visitor.start()
        worker.wait()
        visitor.join()
        elapsed = time.perf_counter() - began
        progress = sorted(set(seen))
        print(
            f"{label}: {elapsed:.1f} s; admin job page and status: {len(timings)} requests, slowest "
            f"{max(timings, default=0):.0f} ms; progress seen: {progress[:3]} … {progress[-2:]}"
        )

    worker_pass("check (dry run) in the worker")
    job = ImportJob.objects.get(pk=int(job_url.rstrip("/").split("/")[-1]))
    print(f"report: ok={job.report['ok']}, problems={len(job.report['problems'])}, counts={job.report['counts']}")
    client.post(job_url + "write/")
    worker_pass("write in the worker")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    job.refresh_from_db()
    print(f"stage {job.stage}; employers now {Employer.objects.count()}; peak RSS of a worker {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
