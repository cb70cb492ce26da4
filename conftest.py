"""Shared test fixtures: the services the suite may run against, and a minimal site tree.

Service tests skip with a reason when their service is not configured, and fail instead when the
``CI`` environment variable is set: CI must never pass by skipping what it was meant to prove.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(message):
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run this test", pytrace=False)
    pytest.skip(message)


def require_service(name, env_var, reason):
    """Skip (locally) or fail (in CI) unless ``env_var`` names the service."""
    if os.environ.get(env_var):
        return os.environ[env_var]
    _missing(f"{name} not configured: set {env_var} ({reason})")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright drives Debian's Chromium: a browser download is impossible on these machines."""
    path = shutil.which("chromium")
    if not path:
        _missing("Chromium not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def search_index(django_db_setup, django_db_blocker):
    """On OpenSearch, create the index with the project's Russian analysis before any test writes to it
    (otherwise the first write would create it with default settings)."""
    from django.conf import settings

    if settings.OPENSEARCH_URL:
        from django.core.management import call_command

        with django_db_blocker.unblock():
            call_command("update_index", verbosity=0)
    yield


@pytest.fixture
def site_tree(db):
    """Locales ru/en, a Russian home page as the default site's root, and its English translation."""
    from home.factories import make_site_tree

    return make_site_tree()


def forget_indexed_pages():
    """Rolled-back tests leave their pages (and atlas records) in OpenSearch, and on PostgreSQL ids are not
    reused, so the stale documents pile up and can fill the first page of results or the counts. A test that
    looks at results calls this before creating its objects. (Deleted objects leave the index in production;
    only rollbacks leave them.)"""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from atlas.models import EducationalOrganization, Employer, MunicipalDistrict, Sector

    backend = get_search_backend()
    if hasattr(backend, "es"):
        for model in (Page, Employer, EducationalOrganization, Sector, MunicipalDistrict):
            backend.es.delete_by_query(
                index=backend.get_index_for_model(model).name,
                body={"query": {"match_all": {}}},
                params={"refresh": "true", "conflicts": "proceed"},
            )
