"""The client address behind proxies (portal.client_address): X-Forwarded-For is read only from a trusted proxy,
from the right, and a client cannot choose the address it is counted by."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from portal.client_address import client_address, trusted_networks

CLIENT = "203.0.113.7"


def address(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


@pytest.fixture
def trust(settings):
    def trusting(*entries):
        settings.TRUSTED_PROXIES = trusted_networks(entries)

    return trusting


def test_with_no_trusted_proxy_the_header_is_ignored(settings):
    assert settings.TRUSTED_PROXIES == ()  # the default
    assert address(CLIENT, "198.51.100.1") == CLIENT
    assert address("127.0.0.1", f"{CLIENT}, 198.51.100.1") == "127.0.0.1"


def test_behind_a_trusted_proxy_the_address_it_appended_is_the_client(trust):
    trust("127.0.0.1")
    assert address("127.0.0.1", CLIENT) == CLIENT
    # Whatever the client wrote itself stands left of what the proxy appended, and is never read.
    assert address("127.0.0.1", f"1.2.3.4, not-an-address, {CLIENT}") == CLIENT


def test_a_chain_of_trusted_proxies_is_skipped_from_the_right(trust):
    trust("10.0.0.0/8", "192.168.1.1")
    # the client → a CDN edge (10.1.2.3) → the TLS proxy (192.168.1.1) → the portal
    assert address("192.168.1.1", f"198.51.100.9, {CLIENT}, 10.1.2.3") == CLIENT


def test_a_request_from_an_untrusted_address_is_counted_by_that_address(trust):
    trust("127.0.0.1")
    assert address(CLIENT, "127.0.0.1, 198.51.100.1") == CLIENT


def test_a_trusted_proxy_without_a_usable_header_counts_as_itself(trust):
    trust("127.0.0.1", "10.0.0.0/8")
    assert address("127.0.0.1") == "127.0.0.1"
    assert address("127.0.0.1", "") == "127.0.0.1"
    assert address("127.0.0.1", "10.0.0.2") == "127.0.0.1"  # only proxies
    assert address("127.0.0.1", f"{CLIENT}, garbage") == "127.0.0.1"  # where a proxy should have written


def test_ipv6_and_ipv4_mapped_addresses(trust):
    trust("::1")
    assert address("::1", "2001:db8::5") == "2001:db8::5"
    assert address("::1", f"::ffff:{CLIENT}") == CLIENT


def test_a_wrong_trusted_proxies_setting_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_networks(["10.0.0.0/8", "proxy.example"])
    assert trusted_networks([" 10.0.0.5/24 "])[0].exploded == "10.0.0.0/24"
