"""Site search benchmark on 10,000 pages: the full reindex and 58 queries on each backend of the tier.

    .venv/bin/python bench/search.py [--pages 10000] [--runs 5] [--reuse [--no-reindex]]
    DATABASE_URL=postgres://… OPENSEARCH_URL=http://… .venv/bin/python bench/search.py

Builds a throw-away database (SQLite in var/bench-search.sqlite3, or DATABASE_URL), loads the seed and enough
generated profession cards (make_atlas_bench_data, the benchmark-data command) to reach --pages live pages,
without indexing on save. Then times `update_index` for each backend of the tier, and runs a fixed list of 58
queries (50 words and phrases, 8 questions naming a profession, a sector, a place or a category) through the site
search — results and facet counts — on each backend, the same 58 results pages as a visitor gets them (view and
template, on the tier's engine; the questions' pages timed apart too, and the first question after a publish, when
the look-ups kept per content version are built again), and ten prefixes through the suggestions, on
each backend:
the database backend (SQLite or PostgreSQL) and, with OPENSEARCH_URL, OpenSearch. Prints median and 95th
percentile per backend; asserts nothing.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

QUERIES = [
    "сварщик",
    "сварщиком",
    "медсестры",
    "медсёстры",
    "профессии будущего",
    "колледжи Комсомольска",
    "урок для 8 класса",
    "показатель 4 2022",
    "инженер",
    "инженер-энергетик",
    "программист",
    "оператор",
    "техник",
    "мастер",
    "профессия",
    "работа в Хабаровске",
    "авиастроение",
    "судостроение",
    "зарплата",
    "колледж",
    "университет",
    "ТОГУ",
    "СПО",
    "среднее профессиональное образование",
    "ОВЗ",
    "профориентация",
    "профориентации школьников",
    "профессиональная проба",
    "экскурсия на предприятие",
    "классный час",
    "игровой модуль",
    "методические материалы",
    "мониторинг 2023",
    "отчёт",
    "Амурский район",
    "Ванино",
    "медицинская сестра",
    "педагог",
    "учитель",
    "водитель",
    "электромонтёр",
    "повар",
    "строитель",
    "газосварщик",
    "лесничий",
    "рыболовство",
    "нетсовпадений",
    "сваршик",
    "профессия 42",
    "выбор профессии",
]
# Questions the answer box and the facets understand (search.intents, search.entities): timed apart too.
QUESTIONS = [
    "зарплата сварщика",
    "сколько получает повар",
    "где учиться на медсестру",
    "медицинские профессии",
    "работа в Амурске",
    "вакансии в Комсомольске-на-Амуре",
    "профессии для слабослышащих",
    "телефон министерства образования",
]
QUERIES += QUESTIONS

PREFIXES = ["св", "сва", "свар", "про", "проф", "инж", "опер", "мед", "тех", "мастер"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="Keep the database a previous run built.")
    parser.add_argument(
        "--no-reindex", action="store_true", help="With --reuse: keep the indexes too, only time the queries."
    )
    args = parser.parse_args()

    db = ROOT / "var" / "bench-search.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "OPENSEARCH_INDEX": "bench-search"}
    env.setdefault("DATABASE_URL", f"sqlite:///{db}")
    if env["DATABASE_URL"].startswith("sqlite") and not args.reuse:
        db.parent.mkdir(exist_ok=True)
        db.unlink(missing_ok=True)
    quiet = {"SEARCH_AUTO_UPDATE": "false"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    setup = time.perf_counter()
    subprocess.run([*manage, "migrate", "-v0"], check=True, env={**env, **quiet})
    if not args.reuse:
        subprocess.run(
            [*manage, "load_seed", "--no-index"], check=True, env={**env, **quiet}, stdout=subprocess.DEVNULL
        )
    os.environ.update(env)
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.conf import settings
    from wagtail.models import Locale, Page

    missing = args.pages - Page.objects.live().count()
    if missing > 0:
        subprocess.run(
            [*manage, "make_atlas_bench_data", "--force", f"--professions={missing}"],
            check=True,
            env={**env, **quiet},
            stdout=subprocess.DEVNULL,
        )
    pages = Page.objects.live().count()
    print(f"setup: {pages} live pages in {time.perf_counter() - setup:.0f} s")

    backends = list(settings.WAGTAILSEARCH_BACKENDS)
    for backend in [] if args.reuse and args.no_reindex else backends:
        start = time.perf_counter()
        subprocess.run(
            [*manage, "update_index", "--backend", backend],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"full reindex of {pages} pages into {backend}: {time.perf_counter() - start:.1f} s")

    from django.test import Client
    from django.test.utils import override_settings

    from portal import content_version
    from search import site_search, suggestions

    ru = Locale.objects.get(language_code="ru")
    for backend in backends:
        name = settings.WAGTAILSEARCH_BACKENDS[backend]["BACKEND"].rsplit(".", 1)[-1]
        site_search.search("прогрев", ru, {}, backend=backend)  # warm-up
        timings = []
        for _ in range(args.runs):
            for query in QUERIES:
                started = time.perf_counter()
                site_search.search(query, ru, {}, backend=backend)
                timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{backend} ({name}, {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} database): "
            f"{len(QUERIES)} queries × {args.runs}: median {statistics.median(timings):.0f} ms, "
            f"p95 {percentile(timings, 0.95):.0f} ms, slowest {max(timings):.0f} ms"
        )
        if backend == "default":  # the whole results page, as a visitor gets it: the tier's engine, rendered
            with override_settings(PAGE_CACHE_SECONDS=0, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
                client = Client()
                client.get("/search/", {"q": "прогрев"})
                timings, questions = [], []
                for _ in range(args.runs):
                    for query in QUERIES:
                        started = time.perf_counter()
                        response = client.get("/search/", {"q": query})
                        timings.append((time.perf_counter() - started) * 1000)
                        if query in QUESTIONS:
                            questions.append(timings[-1])
                        if response.status_code != 200:
                            raise SystemExit(f"/search/?q={query} answered {response.status_code}")
                # The first question after a publish: every per-content-version look-up (portal.lookups) is built
                # again — the cards' names, the places, the sections, the editors' picks.
                after_publish = []
                for run in range(args.runs):
                    content_version.bump()
                    started = time.perf_counter()
                    client.get("/search/", {"q": QUESTIONS[run % len(QUESTIONS)]})
                    after_publish.append((time.perf_counter() - started) * 1000)
            print(
                f"{backend}: the first question after a publish, × {args.runs}: median "
                f"{statistics.median(after_publish):.0f} ms, slowest {max(after_publish):.0f} ms"
            )
            print(
                f"{backend}: results pages (view and template) for {len(QUERIES)} queries × {args.runs}: median "
                f"{statistics.median(timings):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms; the "
                f"{len(QUESTIONS)} questions alone: median {statistics.median(questions):.0f} ms, "
                f"p95 {percentile(questions, 0.95):.0f} ms"
            )
        timings = []
        for _ in range(args.runs):
            for prefix in PREFIXES:
                started = time.perf_counter()
                suggestions.professions(prefix, ru, backend=backend)
                timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{backend}: suggestions for {len(PREFIXES)} prefixes × {args.runs}: median "
            f"{statistics.median(timings):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms"
        )


if __name__ == "__main__":
    main()
