"""django-axes hooks: the lockout page and what its log lines say.

Failed admin sign-ins are counted per (username, client address) in the shared cache
(``AXES_HANDLER`` is the cache handler: no attempt, address or user agent is written to the
database). Because the address is part of the key, failures from elsewhere cannot lock a
real editor out, and every lockout ends after ``AXES_COOLOFF_TIME``.
"""

import math
from datetime import timedelta

from axes.helpers import get_cache, get_client_cache_keys, get_cool_off

from django.shortcuts import render
from django.utils import timezone


def seconds_left(request, credentials):
    """How long until this client may try again: the counter's remaining life in the cache
    (django-redis knows it), else the whole cool-off."""
    cool_off = get_cool_off(request)
    full = int(cool_off.total_seconds()) if cool_off else 15 * 60
    cache = get_cache()
    if hasattr(cache, "ttl"):
        remaining = [cache.ttl(key) for key in get_client_cache_keys(request, credentials)]
        remaining = [ttl for ttl in remaining if isinstance(ttl, int) and ttl > 0]
        if remaining:
            return min(max(remaining), full)
    return full


def lockout_response(request, original_response=None, credentials=None):
    """429 with the time to try again. The same words whatever the username: the page must
    not tell whether an account exists."""
    seconds = seconds_left(request, credentials)
    context = {
        "minutes": max(1, math.ceil(seconds / 60)),
        "retry_at": timezone.now() + timedelta(seconds=seconds),
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def client_str(username, ip_address, user_agent, path_info, request):
    """What axes writes in its log lines: the path only, never who or from where (a typed
    username may be a password; the address ties a person to the admin)."""
    if isinstance(path_info, list | tuple):
        path_info = path_info[0]
    return f"a client on {path_info}"
