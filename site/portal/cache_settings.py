"""The caches of each tier, made from ``CACHE_URL`` (used by the settings, and by the tests of the tiers).

"default" is for what a process may keep to itself (page fragments, the search vocabulary); "shared" for what every
web process, worker and server must see alike: rate-limit counts, the search circuit breaker, an import's progress;
"pages" for whole pages served to anonymous visitors (portal.page_cache), which every process of a machine (or, in
the scaled tier, every server) must share, so that a page built by one is a hit in all.

- ``CACHE_URL=redis://…`` (the scaled tier): Redis through django-redis for all three, so every server shares them.
- Otherwise (the embedded tier): local memory per process for "default", and for "shared" diskcache's Django
  backend (``portal.machine_cache``, which keeps its files open between requests), SQLite files in ``var/cache``
  that the processes of one machine share. Its ``add`` and ``incr`` are
  atomic across processes, and ``incr`` keeps the entry's expiry, as rate limits count on: Django's file cache
  does neither (its ``incr`` is a read then a write, and resets the expiry to five minutes, so an hour's limit
  forgot its count after five quiet minutes). "pages" is another diskcache in ``var/cache/pages``: files of its own,
  so that pages filling its size limit push out old pages, never a rate-limit count.
"""

from pathlib import Path

PAGES_SIZE_LIMIT = 512 * 1024 * 1024  # bytes of stored pages on one machine; the least recently stored go first
REDIS_SCHEMES = ("redis://", "rediss://")
LOCAL_MAX_ENTRIES = 20_000


def caches_for(cache_url, cache_dir):
    import environ

    if cache_url.startswith(REDIS_SCHEMES):
        redis = environ.Env.cache_url_config(cache_url, backend="django_redis.cache.RedisCache")
        redis["OPTIONS"] = {
            # A Redis that is down or hangs costs a request a second at most, not a worker: the cache then answers
            # as empty (and logs it), rate limits let requests through (RATELIMIT_FAIL_OPEN), the site works on.
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
            "IGNORE_EXCEPTIONS": True,
            **redis.get("OPTIONS", {}),
        }
        return {"default": redis, "shared": redis, "pages": redis}
    default = environ.Env.cache_url_config(cache_url or "locmemcache://portal")
    if default["BACKEND"].endswith("LocMemCache"):
        # The look-ups (portal.lookups) keep one route per page address visited: Django's 300 entries would be
        # pushed out and rebuilt all day on an atlas of a thousand cards.
        default.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", LOCAL_MAX_ENTRIES)
    return {
        "default": default,
        "shared": {"BACKEND": "portal.machine_cache.MachineCache", "LOCATION": str(cache_dir)},
        "pages": {
            "BACKEND": "portal.machine_cache.MachineCache",
            "LOCATION": str(Path(cache_dir) / "pages"),
            "OPTIONS": {"size_limit": PAGES_SIZE_LIMIT},
        },
    }
