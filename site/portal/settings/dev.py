"""Local development: DEBUG on, a throwaway secret, loopback hosts."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-5c9f3e1a7b")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
