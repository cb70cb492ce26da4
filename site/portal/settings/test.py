"""Tests: fast hashing, locmem cache, plain static storage, media in a temporary folder.

DATABASE_URL, OPENSEARCH_URL and a redis:// CACHE_URL are honoured, so the same suite runs on the embedded default
and on PostgreSQL + OpenSearch + Redis (see .ci/run). The shared cache is what the tier has (files in a temporary
folder, or Redis), so that rate limits, the circuit breaker and the page cache are tested on it.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-0b6d2a")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-test-media-"))
os.environ.setdefault("PRIVATE_MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-test-private-"))
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="portal-test-static-"))
os.environ.setdefault("OPENSEARCH_INDEX", f"portal-test-{os.getpid()}")

from portal.cache_settings import caches_for

from .base import *

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
_tier_caches = caches_for(os.environ.get("CACHE_URL", ""), tempfile.mkdtemp(prefix="portal-test-cache-"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": _tier_caches["shared"],
    "pages": _tier_caches["pages"],
}
# The page cache is off unless a test asks for it (the ``page_cache`` fixture of conftest.py): in a test nothing
# commits, so the content version never moves, and a test that changes content and looks again would be shown the
# page it stored before.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0  # the same reason: the page_cache fixture turns both on
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Tests build only the files they ask for (portal.tests.helpers.download); the test of building ahead turns it on.
PORTAL_BUILD_AHEAD = False
# The small tasks (search and reference index updates) run at once, so a test sees what it saved in search results
# without a worker; search/tests/test_background_indexing.py runs them through the queue as production does.
TASKS = {**TASKS, "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each search's count is written at once (search/query_log.py), so a test sees it in the log.
SEARCH_LOG_FLUSH_SECONDS = 0
# Mail stays in django.core.mail.outbox, whatever EMAIL_URL says; the tests marked ``smtp`` send through the SMTP
# server EMAIL_URL names (partners/tests/test_smtp.py) and read what it received.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
