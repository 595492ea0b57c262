"""Per-client rate limit for signing: django-ratelimit on the shared Redis cache.

Every worker process counts in the same place (the cache is Redis wherever CACHE_URL names
one), so two workers do not double the limit. The client is
``advocacy.core.network.client_group`` (X-Forwarded-For only from TRUSTED_PROXIES; IPv6 by
its /64), and the key django-ratelimit counts under is a keyed HMAC of it: no address is
stored in the cache, and nobody without SECRET_KEY can test a guess against a key.
"""

from dataclasses import dataclass

from django_ratelimit.core import get_usage

from django.conf import settings

from advocacy.core.network import client_key

# Seconds to wait when the cache cannot count (Redis unreachable): refuse, briefly.
RETRY_WHEN_UNCOUNTED = 60


@dataclass
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window resets


def sign_rate(group, request):
    """ACTIONS_RATE_LIMIT attempts per ACTIONS_RATE_PERIOD seconds; None (no limit) at 0."""
    if not settings.ACTIONS_RATE_LIMIT:
        return None
    return (settings.ACTIONS_RATE_LIMIT, settings.ACTIONS_RATE_PERIOD)


def hit(request, scope="sign"):
    """Count one attempt from this client; say whether it is within the limit."""
    usage = get_usage(
        request,
        group=f"actions.{scope}",
        key=client_key,
        rate=sign_rate,
        method=["POST"],
        increment=True,
    )
    if usage is None:
        return Verdict(True, 0)
    retry_after = usage["time_left"] if usage["time_left"] > 0 else RETRY_WHEN_UNCOUNTED
    return Verdict(not usage["should_limit"], retry_after)
