"""Rate limits (portal.limits) keyed on the real client address and counted in the shared cache: files on the
embedded tier, Redis on the scaled one (both passes of CI run these tests). A limited request gets the 429 page
in the visitor's language."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils.module_loading import import_string

from conftest import closed_port_url, require_service
from portal import search_engine
from portal.cache_settings import caches_for
from portal.client_address import trusted_networks

SETTINGS_URL = "/accessibility/settings/"
PROXY = "10.0.0.5"
CLIENT = "203.0.113.7"


def change_settings(client, remote=CLIENT, forwarded=None, path=SETTINGS_URL):
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(path, {"enabled": "1", "next": "/"}, **headers)


@pytest.fixture
def three_an_hour(settings, site_tree):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accessibility": "3/h"}


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = trusted_networks(["10.0.0.0/8"])


def test_with_no_trusted_proxy_a_forged_forwarded_for_shares_the_limit(client, three_an_hour):
    for _ in range(3):
        assert change_settings(client).status_code == 302
    forged = [f"198.51.100.{n}" for n in range(1, 7)]
    assert [change_settings(client, forwarded=value).status_code for value in forged] == [429] * 6
    assert change_settings(client, remote="192.0.2.1").status_code == 302  # another address counts apart


def test_behind_a_trusted_proxy_clients_are_counted_apart(client, three_an_hour, behind_proxy):
    for _ in range(3):
        assert change_settings(client, remote=PROXY, forwarded=CLIENT).status_code == 302
    assert change_settings(client, remote=PROXY, forwarded=CLIENT).status_code == 429
    # Everybody comes through the same proxy; another client is not held back by the first.
    for other in ("198.51.100.1", "198.51.100.2"):
        assert change_settings(client, remote=PROXY, forwarded=other).status_code == 302


def test_a_forged_left_most_address_does_not_escape_the_limit(client, three_an_hour, behind_proxy):
    # The client writes an X-Forwarded-For of its own; the proxy appends the address it really came from.
    answers = [change_settings(client, remote=PROXY, forwarded=f"192.0.2.{n}, {CLIENT}").status_code for n in range(9)]
    assert answers == [302] * 3 + [429] * 6


def test_the_429_page_speaks_the_visitors_language(client, three_an_hour):
    for _ in range(3):
        change_settings(client)
    russian = change_settings(client)
    assert russian.status_code == 429
    assert "Слишком много запросов" in russian.content.decode()
    english = change_settings(client, path="/en" + SETTINGS_URL)
    assert english.status_code == 429
    assert '<html lang="en"' in english.content.decode() and "Too many requests" in english.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/admin/login/", "/_util/login/", "/en/_util/login/", "/admin/password_reset/"],
)
def test_wagtail_sign_in_forms_are_limited_per_address(client, settings, site_tree, path):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign-in": "3/10m"}
    # Each a different account and a different password, so that the lockouts do not come first.
    answers = [
        client.post(path, {"username": f"user{n}", "password": f"guess{n}", "email": f"user{n}@example.ru"}).status_code
        for n in range(4)
    ]
    assert answers[:3] != [429] * 3 and answers[3] == 429


def test_the_password_of_a_restricted_page_cannot_be_guessed_quickly(client, settings, site_tree):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "page-password": "3/10m"}
    home, _en = site_tree
    restriction = home.view_restrictions.create(restriction_type="password", password="right-password-7")
    url = f"/_util/authenticate_with_password/{restriction.pk}/{home.pk}/"
    answers = [client.post(url, {"password": f"guess{n}", "return_url": "/"}).status_code for n in range(5)]
    assert answers == [200, 200, 200, 429, 429]


def test_the_embedded_shared_cache_keeps_counts_until_they_expire(tmp_path):
    """django-ratelimit counts with add() then incr(); an hour's count must last the hour. (Django's file cache
    reset the expiry to five minutes on incr(), so a limit of ten an hour let ten through every five minutes.)"""
    config = caches_for("", tmp_path)["shared"]
    cache = import_string(config["BACKEND"])(config["LOCATION"], config)
    cache.add("count", 1, 3600)
    assert cache.incr("count") == 2
    now = time.time()
    with mock.patch("time.time", return_value=now + 600):
        assert cache.get("count") == 2
    with mock.patch("time.time", return_value=now + 3700):
        assert cache.get("count") is None  # the clock above reached the cache: it does expire


def test_the_shared_cache_counts_exactly_across_processes():
    """Four processes, as gunicorn's workers, send 15 requests each at the same moment from one address with a
    limit of 10: exactly 10 get through, whichever tier's shared cache counts them."""
    caches["shared"].clear()
    scenario = Path(__file__).with_name("limit_counting_scenario.py")
    site = Path(__file__).resolve().parents[2]
    start_at = str(time.time() + 5)  # time for each process to set Django up
    shared = json.dumps(django_settings.CACHES["shared"])
    workers = [
        subprocess.Popen(  # noqa: S603 - our own script
            [sys.executable, str(scenario), shared, start_at, "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=site.parent,
            env={**os.environ, "PYTHONPATH": f"{site.parent}:{site}"},
        )
        for _ in range(4)
    ]
    let_through = 0
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-3000:]
        let_through += json.loads(out.strip().splitlines()[-1])["let_through"]
    assert let_through == 10


def test_an_unreachable_shared_cache_lets_visitors_through(client, settings, site_tree):
    """Redis down must not turn the public forms into errors nor refuse everyone: the limits let requests through
    while the cache does not answer, and search keeps its breaker closed."""
    unreachable = caches_for(closed_port_url().replace("http://", "redis://"), "")["shared"]
    settings.CACHES = {**settings.CACHES, "shared": unreachable}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "accessibility": "1/h"}
    assert [change_settings(client).status_code for _ in range(3)] == [302] * 3
    assert search_engine.is_available()


@pytest.mark.redis
def test_the_scaled_tier_counts_in_redis(client, three_an_hour):
    require_service("Redis", "CACHE_URL", "the scaled tier's shared cache", scheme="redis")
    assert django_settings.CACHES["shared"]["BACKEND"] == "django_redis.cache.RedisCache"
    shared = caches["shared"]
    assert shared.keys("rl:*") == []
    change_settings(client)
    assert len(shared.keys("rl:*")) == 1  # the count is in Redis, where every server sees it
    search_engine.failed(RuntimeError("OpenSearch down"))
    assert shared.get(search_engine.BREAKER_KEY) == "OpenSearch down"  # and so is the search breaker
