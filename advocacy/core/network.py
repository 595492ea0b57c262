"""Who is asking: the client address as far as our own proxies vouch for it.

Used only to count attempts (rate limits, login lockouts), never stored: callers hash it.
``X-Forwarded-For`` is read only when the direct peer (``REMOTE_ADDR``) is one of the
addresses or networks in ``TRUSTED_PROXIES`` (default: none). Then the header is walked
from the right, skipping our own proxies, and the first address they did not write is the
client's; entries further left were written by the client and can be forged.
"""

import functools
import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _parse(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted(ip):
    return ip is not None and any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The client's IP address as a string ("" when there is none worth trusting)."""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if not _is_trusted(peer):
        return str(peer) if peer else ""
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        ip = _parse(hop)
        if ip is None:
            return ""  # a garbled header from a proxy of ours: trust nothing in it
        if not _is_trusted(ip):
            return str(ip)
    return str(peer)


def address_group(address):
    """The unit a limit counts: an IPv4 address, or an IPv6 /64 (one subscriber's)."""
    ip = _parse(address or "")
    if ip is None:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_group(request):
    """``address_group`` of the request's client address: the key for rate limits."""
    return address_group(client_address(request))


def client_key(group, request):
    """A django-ratelimit key: a keyed hash of the limit's group and the client's address
    group, so no address (nor an unkeyed, reversible hash of one) reaches the cache."""
    return salted_hmac(
        "advocacy.core.network.client-key", f"{group}:{client_group(request)}", algorithm="sha256"
    ).hexdigest()
