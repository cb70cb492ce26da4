"""The database search backend of both tiers: Wagtail's, for the database in use, keeping the facet rows of
the site search; on SQLite also stemming Russian and English words (PostgreSQL does that with its ``russian``
configuration, named in settings). Each flavour is imported only on its own database: Wagtail's SQLite module
needs a table only SQLite has."""

from django.db import connection


def SearchBackend(params):
    if connection.vendor == "sqlite":
        from .sqlite import StemmingSQLiteSearchBackend

        return StemmingSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from .postgres import FacetedPostgresSearchBackend

        return FacetedPostgresSearchBackend(params)
    raise NotImplementedError(f"No search backend for the {connection.vendor} database.")
