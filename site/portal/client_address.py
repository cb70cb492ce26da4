"""The address of the client behind the proxies the portal trusts: what rate limits and sign-in lockouts count by.

``REMOTE_ADDR`` is whoever opened the connection. Behind the TLS proxy of the deployment that is the proxy, the
same for every visitor, so the proxy's ``X-Forwarded-For`` is read, but only when the connection comes from a
proxy named in ``TRUSTED_PROXIES`` (none by default): anyone else could write the header. It is read from the
right, where each trusted proxy appended the address it was connected from, skipping the trusted proxies; the
first address that is not one of them is the client. What lies left of it was written by the client itself and
is never looked at, so a forged header changes nothing.

No library fits this: django-ipware 8 matches its trusted proxies by position inside the header and does not
check the address the request came from; django-xff trusts a number of proxies without checking their addresses.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def trusted_networks(entries):
    """``TRUSTED_PROXIES`` as written (addresses or networks, «10.0.0.0/8», «::1») → networks; raises
    ImproperlyConfigured on an entry that is neither."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES must list IP addresses or networks (like 127.0.0.1 or 10.0.0.0/8), not {entry!r}"
            ) from None
    return tuple(networks)


def client_address(request):
    """The client's IP address as text (what ``REMOTE_ADDR`` holds when no proxy is trusted)."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(_parse(remote)):
        return remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            # Not an address where a trusted proxy should have written one: count the request as the proxy's
            # rather than guess.
            return remote
        if not _is_trusted(address):
            return str(address)
    return remote  # no header, or only trusted proxies in it: the request comes from the proxy itself


def _parse(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket («::ffff:203.0.113.7») is the IPv4 address.
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address):
    return address is not None and any(address in network for network in settings.TRUSTED_PROXIES)
