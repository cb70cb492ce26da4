"""Wagtail's PostgreSQL search backend (``russian`` configuration, from settings) keeping the facet rows."""

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from .facets import FacetIndexMixin


class FacetedPostgresIndex(FacetIndexMixin, PostgresIndex):
    pass


class FacetedPostgresSearchBackend(PostgresSearchBackend):
    index_class = FacetedPostgresIndex
