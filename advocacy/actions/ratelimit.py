"""Per-client rate limit for signing, kept in Django's cache (no IP address is stored).

The client address is REMOTE_ADDR unless ``TRUSTED_PROXY_COUNT`` says how many reverse
proxies of ours stand in front of the application: then it is the address the outermost
of them saw, read from the right of X-Forwarded-For (entries further left were written by
the client and can be forged). The cache key is a keyed hash of the address (IPv6 by its
/64, which one subscriber usually holds whole), bucketed by time window.
"""

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_address(request):
    """The visitor's address as far as our own proxies vouch for it."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def _bucket(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


@dataclass
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window resets


def hit(request, scope="sign"):
    """Count one attempt from this client; say whether it is within the limit."""
    limit = settings.ACTIONS_RATE_LIMIT
    period = settings.ACTIONS_RATE_PERIOD
    now = time.time()
    retry_after = int(period - now % period) or period
    if not limit:
        return Verdict(True, retry_after)
    digest = salted_hmac(
        "advocacy.actions.rate-limit", _bucket(client_address(request)), algorithm="sha256"
    ).hexdigest()[:40]
    key = f"actions:rate:{scope}:{digest}:{int(now // period)}"
    cache.add(key, 0, timeout=period + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=period + 60)
        count = 1
    return Verdict(count <= limit, retry_after)
