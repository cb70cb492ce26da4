"""`make dev`: DEBUG on, a throwaway secret, loopback hosts, runserver's autoreload, media served by the app."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-5c9f3e1a7b")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
os.environ.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")

from .base import *

SERVE_MEDIA = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A template being edited is seen at once: the page cache knows content changes, not code changes.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0)  # template edits show at once
