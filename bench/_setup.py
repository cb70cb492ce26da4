"""What the benchmark scripts share: a throw-away database with the seed (and any extra commands) loaded,
Django set up on it, and a timer. ``DATABASE_URL`` chooses another database (PostgreSQL) instead."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def throwaway_site(name, *commands, env=None):
    """Migrate and seed var/bench-<name>.sqlite3 from scratch, run ``commands`` (manage.py argument lists),
    then set Django up on it, with ``env`` added to the environment. Returns the setup time in seconds."""
    db = ROOT / "var" / f"bench-{name}.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **(env or {})}
    env.setdefault("DATABASE_URL", f"sqlite:///{db}")
    if env["DATABASE_URL"].startswith("sqlite"):
        db.parent.mkdir(exist_ok=True)
        db.unlink(missing_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    start = time.perf_counter()
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env)
    subprocess.run([*manage, "load_seed"], check=True, env=env, stdout=subprocess.DEVNULL)
    for command in commands:
        subprocess.run([*manage, *command], check=True, env=env, stdout=subprocess.DEVNULL)
    os.environ.update(env)
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    return time.perf_counter() - start


def reuse_site(name):
    """Set Django up on the database ``throwaway_site(name)`` built before, as it is (to measure again quickly)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / f'bench-{name}.sqlite3'}")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def timed(func, runs):
    """Median and slowest of ``runs`` calls, in milliseconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings)
