"""Per-client rate limit for signing, kept in Django's cache (no IP address is stored).

The client is ``advocacy.core.network.client_group`` (IPv6 by its /64); the cache key is a
keyed hash of it, bucketed by time window.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from advocacy.core.network import client_group


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
        "advocacy.actions.rate-limit", client_group(request), algorithm="sha256"
    ).hexdigest()[:40]
    key = f"actions:rate:{scope}:{digest}:{int(now // period)}"
    cache.add(key, 0, timeout=period + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=period + 60)
        count = 1
    return Verdict(count <= limit, retry_after)
