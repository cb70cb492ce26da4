"""Helpers the apps' tests share."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """The number of SQL queries a second GET of ``url`` makes (the first warms the caches a running site
    has: site root, content types); the page must answer 200."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)
