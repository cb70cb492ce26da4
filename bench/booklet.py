"""Booklet PDF of a Profnavigator edition with 200 professions: time and peak memory.

    .venv/bin/python bench/booklet.py [--professions 200]

Builds a throw-away SQLite database in var/bench-booklet.sqlite3, seeds it, generates cards, puts 200 of them
into one edition and renders its booklet through Django's test client. Peak memory is the whole process's
maximum resident size (Django, the data and WeasyPrint together), so it is an upper bound.
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--professions", type=int, default=200)
    args = parser.parse_args()
    db = ROOT / "var" / "bench-booklet.sqlite3"
    db.parent.mkdir(exist_ok=True)
    db.unlink(missing_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DATABASE_URL": f"sqlite:///{db}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env)
    subprocess.run([*manage, "load_seed", "--no-index"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(
        [
            *manage,
            "make_atlas_bench_data",
            "--force",
            f"--professions={args.professions}",
            "--employers=50",
            "--organisations=30",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    os.environ.update(env)
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.test import Client
    from pypdf import PdfReader

    from atlas.models import ProfessionPage
    from navigator.models import ProfnavigatorEditionPage

    cards = list(ProfessionPage.objects.live().order_by("-pk")[: args.professions])
    edition = ProfnavigatorEditionPage.objects.get(year=2026)
    edition.sections = json.dumps(
        [
            {
                "type": "section",
                "value": {
                    "title": f"Раздел {n + 1}",
                    "sector": None,
                    "notes": "",
                    "professions": [c.pk for c in cards[n * 20 : (n + 1) * 20]],
                },
            }
            for n in range((len(cards) + 19) // 20)
        ]
    )
    edition.save_revision().publish()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    response = Client(HTTP_HOST="127.0.0.1").get(edition.url + "pdf/")
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    print(
        f"booklet of {len(cards)} professions: {elapsed:.1f} s, {pages} pages, {len(response.content) / 1e6:.1f} MB, "
        f"peak RSS {peak / 1024:.0f} MiB (before rendering {before / 1024:.0f} MiB)"
    )


if __name__ == "__main__":
    main()
