"""The embedded tier's shared caches ("shared" and "pages", ``portal.cache_settings``): diskcache's Django backend,
with its SQLite connections kept open between requests.

Django closes every cache when a request ends, which suits a network client's socket; diskcache then closes its
SQLite files and opens them again, with their set-up statements, on the next request. That reopening cost more than
serving a page from the cache itself. diskcache keeps one connection per thread, so a connection kept open is never
shared by two requests at once.
"""

from diskcache import DjangoCache


class MachineCache(DjangoCache):
    def close(self, **kwargs):
        """Keep the connections: they are closed when the process ends."""
