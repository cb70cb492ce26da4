"""A kit's ZIP, a lesson plan PDF and the lesson finder: time, memory and queries.

    .venv/bin/python bench/methodics.py [--materials 20]

Builds a throw-away SQLite database in var/bench-methodics.sqlite3 with the demo seed, then adds a kit of
lessons whose materials are ``--materials`` files of random (incompressible) bytes, twice: 0.5 MB and 5 MB a
file. For each it reports the time to the archive's first bytes, the time to the last, and the peak of
Python memory (tracemalloc) while the archive streams: if the archive were built in memory, the peak would
grow tenfold with the files. The first PDF of the process is timed apart (cold fonts). Then the lesson
plan PDF (median of 5) and the finder's query count with the seed's lessons and with 100 more.
"""

import argparse
import os
import statistics
import time
import tracemalloc

from _setup import ROOT, throwaway_site  # bench/ is on sys.path: it holds the script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--materials", type=int, default=20)
    args = parser.parse_args()
    media = ROOT / "var" / "bench-media"
    throwaway_site("methodics", env={"MEDIA_ROOT": str(media)})
    from django.core.files.base import ContentFile
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.documents import get_document_model

    from methodics.models import LessonMaterial, LessonPage, MethodicalKitPage, MethodicsIndexPage

    index = MethodicsIndexPage.objects.get(locale__language_code="ru")
    client = Client(HTTP_HOST="127.0.0.1")
    Document = get_document_model()

    # The first PDF of a process loads WeasyPrint's fonts and caches (about 2 s, once per worker); the
    # figures below are for a warm worker, after this first one.
    warm_lesson = LessonPage.objects.live().first()
    start = time.perf_counter()
    client.get(warm_lesson.url + "pdf/")
    print(f"First PDF of the process (cold WeasyPrint): {time.perf_counter() - start:.2f} s")

    for size_mb in (0.5, 5):
        kit = MethodicalKitPage(title=f"Комплект {size_mb} МБ", slug=f"bench-{size_mb}".replace(".", "-"), year=2026)
        index.add_child(instance=kit)
        kit.save_revision().publish()
        lessons = []
        for n in range(4):
            lesson = LessonPage(title=f"Занятие {n + 1}", slug=f"zanyatie-{n + 1}", grade_min=8, grade_max=9)
            kit.add_child(instance=lesson)
            lessons.append(lesson)
        for n in range(args.materials):
            document = Document(title=f"Материал {n + 1} ({size_mb} МБ)")
            document.file.save(f"material-{size_mb}-{n}.pdf", ContentFile(os.urandom(int(size_mb * 2**20))), save=False)
            document.save()
            LessonMaterial.objects.create(page=lessons[n % 4], document=document, kind="other")
        for lesson in lessons:
            lesson.save_revision().publish()

        tracemalloc.start()
        start = time.perf_counter()
        response = client.get(kit.url + "zip/")
        stream = iter(response.streaming_content)
        first = next(stream)
        first_at = time.perf_counter() - start
        total = len(first) + sum(len(chunk) for chunk in stream)
        elapsed = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"ZIP, {args.materials} materials of {size_mb} MB + 4 lesson PDFs: {total / 2**20:.1f} MB; "
            f"first bytes after {first_at * 1000:.0f} ms, last after {elapsed:.2f} s; "
            f"peak Python memory while streaming {peak / 2**20:.1f} MB"
        )

    lesson = LessonPage.objects.live().filter(materials__isnull=False).exclude(title__startswith="Занятие").first()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        response = client.get(lesson.url + "pdf/")
        if response.status_code != 200:
            raise SystemExit(f"lesson PDF answered {response.status_code}")
        times.append(time.perf_counter() - start)
    print(f"Lesson plan PDF «{lesson.title}»: median {statistics.median(times) * 1000:.0f} ms of 5")

    url = index.url + "?audience=8-9&profile=general&duration=lesson"

    def queries():
        client.get(url)
        reset_queries()  # DEBUG logs every query and each request clears the log: start from an empty one
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            client.get(url)
            took = time.perf_counter() - start
        return len(captured), took

    before, took_before = queries()
    count_before = LessonPage.objects.live().count()
    kit = MethodicalKitPage.objects.filter(profile="general").first()
    for n in range(100):
        extra = LessonPage(title=f"Дополнительное занятие {n}", slug=f"dop-{n}", grade_min=8, grade_max=9)
        kit.add_child(instance=extra)
        extra.save_revision().publish()
    after, took_after = queries()
    print(
        f"Lesson finder with filters: {before} queries, {took_before * 1000:.0f} ms with {count_before} lessons; "
        f"{after} queries, {took_after * 1000:.0f} ms with {count_before + 100}"
    )


if __name__ == "__main__":
    main()
