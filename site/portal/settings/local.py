"""`make run`: the site as visitors see it, on this machine.

DEBUG is off (the designed 404 and 500 pages), static files are collected into var/static with hashed names
and served by whitenoise as in production (only their gzip/brotli copies are skipped: they take 20 s to make
on every run), public media are served by the app (SERVE_MEDIA: production leaves them to the proxy or the
storage), plain HTTP on the loopback address, PUBLIC_BASE_URL http://127.0.0.1:$PORT. The secret key is made on
the first run and kept in var/secret-key.txt (never committed), like the admin password.
"""

import os
from pathlib import Path

from portal.local_secret import local_secret_key

VAR_DIR = Path(__file__).resolve().parents[3] / "var"

if "SECRET_KEY" not in os.environ:
    os.environ["SECRET_KEY"] = local_secret_key(VAR_DIR / "secret-key.txt")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
os.environ.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")

from .base import *

DEBUG = False  # whatever .env says: this is the visitors' view
SERVE_MEDIA = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
